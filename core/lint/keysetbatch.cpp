#include "keysetbatch.h"

namespace tusk::core {

QString KeysetBatch::sql() const
{
    const QString condition = where.isEmpty() ? QString() : QStringLiteral(" AND (%1)").arg(where);
    const QString range = QStringLiteral("%1 >= batch_start AND %1 <= batch_end").arg(key);
    const QString change = isDelete
        ? QStringLiteral("DELETE FROM %1 WHERE %2%3;").arg(table, range, condition)
        : QStringLiteral("UPDATE %1 SET %2 WHERE %3%4;").arg(table, assignments, range, condition);
    // Range predicates only, so every step is an index range scan on the
    // key whatever its type. COMMIT inside DO needs PostgreSQL 11 and a DO
    // run outside a transaction block.
    return QStringLiteral(
        "DO $batch$\n"
        "DECLARE\n"
        "  batch_start %1;\n"
        "  batch_end %1;\n"
        "BEGIN\n"
        "  SELECT min(%2) INTO batch_start FROM %3;\n"
        "  WHILE batch_start IS NOT NULL LOOP\n"
        "    SELECT max(%2) INTO batch_end\n"
        "      FROM (SELECT %2 FROM %3 WHERE %2 >= batch_start ORDER BY %2 LIMIT %4) AS batch;\n"
        "    %5\n"
        "    COMMIT;\n"
        "    SELECT min(%2) INTO batch_start FROM %3 WHERE %2 > batch_end;\n"
        "    PERFORM pg_sleep(0.05);\n"
        "  END LOOP;\n"
        "END\n"
        "$batch$")
        // One pass: a name may hold "%4" itself, which a second arg() would
        // take for its placeholder.
        .arg(keyType, key, table, QString::number(batchSize), change);
}

} // namespace tusk::core
