#pragma once

#include "catalogsnapshot.h"

#include <QObject>
#include <QPointer>

namespace tusk::core {

class Connection;
struct PgError;
class Result;

// Loads a CatalogSnapshot on a session the caller owns, without blocking:
// one query per object kind (resources/sql/catalog/*.sql) inside one
// REPEATABLE READ, READ ONLY transaction, so all kinds see the same
// catalog. lock_timeout and statement_timeout are set for that transaction
// only; each kind runs behind a savepoint, so a kind that fails (a lock
// held past the timeout, a missing privilege) is reported in the snapshot's
// problems and the others still load. A lost session fails the load.
//
// A load asked for while one runs is done once that one ends (refreshes
// coalesce); the older result is still delivered.
class CatalogSnapshotLoader : public QObject {
    Q_OBJECT
public:
    struct Options {
        bool systemSchemas = false;
        // Non-zero: only this relation (and its children) is read, for its
        // DDL; kinds that are not relation-scoped are skipped.
        Oid relationOid = 0;
        // Deparsed text that costs most (column defaults, index
        // definitions) and sequences' last values, which open every
        // sequence: off for a quick first look, on for the whole picture.
        bool definitions = true;
        int lockTimeoutMs = 500;
        int statementTimeoutMs = 15'000;
    };

    explicit CatalogSnapshotLoader(Connection *connection, QObject *parent = nullptr);

    void load(const Options &options);
    void load() { load(Options()); }
    bool isLoading() const { return m_loading; }
    // How long the last completed load took, round trips and reading.
    qint64 lastLoadMs() const { return m_lastLoadMs; }

    // The text of one query file; empty when the build lacks it.
    static QString querySql(const QString &kind);
    // Kinds whose files take the relation filter ($2).
    static bool isRelationScoped(const QString &kind);

signals:
    void loaded(const tusk::core::CatalogSnapshot &snapshot);
    void failed(const QString &message);

private:
    void begin();
    void runKind(int position);
    void kindDone(int position, const QList<Result> &results, const PgError &error);
    void finish(const QString &failure);

    QPointer<Connection> m_connection;
    Options m_options;
    Options m_pending;
    bool m_loading = false;
    bool m_reloadAsked = false;
    quint64 m_generation = 0;
    qint64 m_startedMs = 0;
    qint64 m_lastLoadMs = -1;
    std::unique_ptr<CatalogSnapshot::Builder> m_builder;
};

} // namespace tusk::core
