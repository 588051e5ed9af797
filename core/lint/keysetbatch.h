#pragma once

#include <QString>

namespace tusk::core {

// Turns one whole-table UPDATE or DELETE into a keyset-batched DO block:
// batches of `batchSize` rows in key order, each committed on its own (so
// locks and row versions stay small, replicas and vacuum keep up), resumable
// because finished batches no longer match, with a short pause between.
struct KeysetBatch {
    QString table; // as SQL: quoted as needed
    QString key; // as SQL; a unique, indexed, not-null column: the primary key
    QString keyType = QStringLiteral("bigint");
    QString assignments; // "status = 'new'" (UPDATE), empty for DELETE
    QString where; // the original condition, may be empty
    bool isDelete = false;
    int batchSize = 10'000;

    QString sql() const;
};

} // namespace tusk::core
