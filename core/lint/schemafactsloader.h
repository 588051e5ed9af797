#pragma once

#include "schemafacts.h"

#include "core/pg/conninfo.h"
#include "core/pg/pgerror.h"

#include <QObject>

#include <memory>

namespace tusk::core {

class Connection;
class Result;

// Reads what the linter needs from a live database (resources/sql/lint/
// catalog.sql: one round trip, no relation locks taken, so a migration
// holding ACCESS EXCLUSIVE never stalls it) on its own connection, without
// blocking the caller: ends in loaded() or failed().
class SchemaFactsLoader : public QObject {
    Q_OBJECT
public:
    explicit SchemaFactsLoader(QObject *parent = nullptr);
    ~SchemaFactsLoader() override;

    void load(const ConnInfo &info);
    // Builds the catalog from the six result sets of catalog.sql.
    static SchemaFacts fromResults(const QList<Result> &results, int serverVersion);
    // "col" when a CHECK definition is exactly `CHECK ((col IS NOT NULL))`.
    static QString notNullColumn(const QString &definition);

signals:
    void loaded(const tusk::core::SchemaFacts &catalog);
    void failed(const tusk::core::PgError &error);

private:
    std::unique_ptr<Connection> m_connection;
};

} // namespace tusk::core
