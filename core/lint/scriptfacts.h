#pragma once

#include "columntype.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

namespace tusk::core {

class ParsedScript;

// What the script itself establishes as it goes: which tables it creates,
// the column types it declares, the indexes it builds. Rules use it where a
// catalog would otherwise be needed ("the table is created in this file,
// so it is empty and locking it costs nothing"). Built once per lint run.
class ScriptFacts {
public:
    explicit ScriptFacts(const ParsedScript &script);

    // True when `relation` is created by a statement before `statement`
    // (or by it). Names match as written; an unqualified name matches a
    // qualified one with the same table name.
    bool createdBefore(const QString &relation, int statement) const;
    // The column's type as the script last declared it before `statement`;
    // unknown when the script never declared it.
    ColumnType columnType(const QString &relation, const QString &column, int statement) const;
    // Key columns of indexes (and UNIQUE / PRIMARY KEY constraints) the
    // script builds on `relation` before `statement`.
    QList<QStringList> indexKeys(const QString &relation, int statement) const;
    // True when the script proved `column IS NOT NULL` with a validated
    // CHECK before `statement` (added validated, or NOT VALID then
    // VALIDATE CONSTRAINT): from PostgreSQL 12, SET NOT NULL then skips its
    // scan. The check names a not-null column when it is exactly that test.
    bool provesNotNull(const QString &relation, const QString &column, int statement) const;
    static QString notNullCheckColumn(const void *constraint);
    // True when the script runs VALIDATE CONSTRAINT `name` on `relation`
    // before `statement`.
    bool validatesBefore(const QString &relation, const QString &name, int statement) const;

    // The TimeZone the script set last before `statement` (SET timezone,
    // SET TIME ZONE); empty when it set none.
    QString timeZone(int statement) const;
    // True for the spellings of UTC ("UTC", "Etc/UTC", "GMT", "Z" …).
    static bool isUtc(const QString &zone);

    static QString tableName(const QString &relation); // "s.t" → "t"

private:
    struct Declared {
        int statement;
        ColumnType type;
    };
    struct Index {
        int statement;
        QStringList keys;
    };
    void noteCreate(int statement, const void *createStmt);
    void noteAlter(int statement, const void *alterStmt);

    QHash<QString, int> m_created; // by table name (without schema)
    QHash<QString, QList<Declared>> m_columns; // "table.column"
    QHash<QString, QList<Index>> m_indexes; // by table name
    QHash<QString, QString> m_pendingChecks; // "table.constraint" NOT VALID → column
    QHash<QString, int> m_validated; // "table.constraint" → first VALIDATE
    QHash<QString, int> m_provenNotNull; // "table.column" → first statement proving it
    struct ZoneSet {
        int statement;
        QString zone;
    };
    QList<ZoneSet> m_timeZones; // in script order
};

} // namespace tusk::core
