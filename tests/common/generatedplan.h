#pragma once

#include <QByteArray>

// An EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) document with exactly
// `nodeCount` nodes: a balanced tree of hash joins over scans of distinct
// tables, with consistent times, rows, filters and buffers. For benchmarks
// and the GUI test of very large plans (pev2#540 hangs on such plans).
QByteArray generatedPlanJson(int nodeCount);
