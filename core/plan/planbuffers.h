#pragma once

#include <QJsonObject>

#include <array>

namespace tusk::core {

// Block counters and I/O times of one node (or of planning). EXPLAIN reports
// them including the node's children; PlanMetrics derives the node's own.
struct PlanBuffers {
    enum Counter {
        SharedHit,
        SharedRead,
        SharedDirtied,
        SharedWritten,
        LocalHit,
        LocalRead,
        LocalDirtied,
        LocalWritten,
        TempRead,
        TempWritten,
        IoReadMs, // shared (and local) block reads
        IoWriteMs,
        TempIoReadMs,
        TempIoWriteMs,
        CounterCount
    };
    std::array<double, CounterCount> values {};

    double operator[](Counter c) const { return values[c]; }
    double &operator[](Counter c) { return values[c]; }
    bool isZero() const;
    double blocksTouched() const; // hit + read over shared and local, plus temp
    PlanBuffers &operator-=(const PlanBuffers &other);
    PlanBuffers &operator+=(const PlanBuffers &other);

    // Reads the counters of one node object (JSON key names); absent ones are 0.
    // Returns false when the object has no buffer information at all.
    static bool read(const QJsonObject &node, PlanBuffers *out);
    static QString jsonKey(Counter c); // "Shared Hit Blocks"
};

} // namespace tusk::core
