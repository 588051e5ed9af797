#pragma once

#include <QHash>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

namespace tusk::core {

struct ColumnFacts {
    QString name;
    QString type; // format_type(): "character varying(20)", "integer", "numeric(10,2)"
    bool notNull = false;
};

struct CheckFacts {
    QString name;
    QString definition; // pg_get_constraintdef(): "CHECK ((email IS NOT NULL))"
    bool validated = true;
    // Set when the check is exactly "column IS NOT NULL": with it validated,
    // SET NOT NULL needs no scan (PostgreSQL 12 and later).
    QString notNullColumn;
};

struct TableFacts {
    QString schema;
    QString name;
    qint64 rowEstimate = -1; // pg_class.reltuples; -1 when never analyzed
    qint64 totalBytes = -1; // pg_total_relation_size
    QList<ColumnFacts> columns;
    QList<CheckFacts> checks;
    QList<QStringList> indexKeys; // the key columns of each valid index, in order
    QStringList primaryKey; // empty when the table has none

    const ColumnFacts *column(const QString &name) const;
};

// What the linted database holds, as far as the rules care: table sizes,
// column types, checks, indexes, and function volatility. Filled by
// SchemaFactsLoader from a live server; empty when linting parse-only, and
// every rule then falls back to what the script itself says.
class SchemaFacts {
public:
    int serverVersion = 0; // from the server, 0 when unknown
    QStringList searchPath {QStringLiteral("public")};
    QString timeZone; // the session's TimeZone setting; empty when unknown
    // True when the sizes are those of the database the migration will run
    // on (a production profile, or the one named with --sizes-from). Only
    // then may a small table lower a finding: a developer lints against a
    // small local database, the migration runs where the tables are big.
    bool sizesFromTarget = false;

    // Sizes of `target`'s tables put in place of these (types, checks and
    // indexes stay): lint with one database's types and another's sizes.
    // A table `target` lacks gets no size (-1): unknown, not small.
    void takeSizesFrom(const SchemaFacts &target);

    void addTable(TableFacts table);
    // `relation` as written: "schema.name" or "name" (looked up along the
    // search path).
    const TableFacts *table(const QString &relation) const;
    // 'i', 's' or 'v' for a function name (the most volatile overload);
    // 0 when unknown.
    char volatility(const QString &function) const;
    void setVolatility(const QString &function, char volatility);
    bool isEmpty() const { return m_tables.isEmpty() && m_volatility.isEmpty(); }

private:
    QHash<QString, TableFacts> m_tables; // by "schema.name"
    QHash<QString, char> m_volatility;
};

} // namespace tusk::core

Q_DECLARE_METATYPE(tusk::core::SchemaFacts)
