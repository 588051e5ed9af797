#pragma once

#include "catalogsnapshot.h"

#include "core/pg/pgerror.h"

#include <QElapsedTimer>
#include <QList>
#include <QObject>
#include <QPointer>

namespace tusk::core {

class Connection;
struct PgError;
class Result;

// Loads a CatalogSnapshot on sessions the caller owns, without blocking:
// one query per object kind (resources/sql/catalog/*.sql) inside one
// REPEATABLE READ, READ ONLY transaction, so all kinds see the same
// catalog. lock_timeout and statement_timeout are set for that transaction
// only; each kind runs behind a savepoint, so a kind that fails (a lock
// held past the timeout, a missing privilege) is reported in the snapshot's
// problems and the others still load. A lost session fails the load.
//
// Given a second session to the same database, the kinds are shared
// between the two, which read one snapshot exported by the first
// (pg_export_snapshot / SET TRANSACTION SNAPSHOT, as pg_dump's parallel
// workers do): two backends build the answers at once. A server that
// refuses to export (a standby) or a second session that fails leaves the
// first one to read everything.
//
// A load asked for while one runs is done once that one ends (refreshes
// coalesce); the older result is still delivered. With
// Options::definitionsAfterwards a load delivers twice: the quick
// snapshot, then the whole one.
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
        // With definitions off: once the quick snapshot is sent (loaded),
        // the definitions are read in the same transaction and the whole
        // snapshot follows (loaded again). Both show one moment, and the
        // whole one shares all but its definitions with the quick one
        // (CatalogSnapshot::sharesObjectsWith).
        bool definitionsAfterwards = false;
        int lockTimeoutMs = 500;
        int statementTimeoutMs = 15'000;
    };

    // Where the time of one kind went in the last load.
    struct KindTiming {
        QString kind;
        int session = 0; // 0: the first session, 1: the second
        double roundTripMs = 0; // sent until its rows were in
        double readMs = 0; // rows into the snapshot
    };

    explicit CatalogSnapshotLoader(Connection *connection, QObject *parent = nullptr);

    // A second session to the same database, used when it is open and idle
    // as a load begins; nullptr for one session.
    void setSecondConnection(Connection *connection);

    void load(const Options &options);
    void load() { load(Options()); }
    bool isLoading() const { return m_loading; }
    // How long the last completed load took, round trips and reading.
    qint64 lastLoadMs() const { return m_lastLoadMs; }
    // The sessions the last load used (1 or 2) and its kinds' times.
    int lastSessionCount() const { return m_lastSessionCount; }
    QList<KindTiming> lastTimings() const { return m_lastTimings; }

    // The text of one query file; empty when the build lacks it.
    static QString querySql(const QString &kind);
    // Kinds whose files take the relation filter ($2).
    static bool isRelationScoped(const QString &kind);

signals:
    void loaded(const tusk::core::CatalogSnapshot &snapshot);
    void failed(const tusk::core::PgError &error);

private:
    struct Lane {
        QPointer<Connection> connection;
        bool busy = false; // its BEGIN or a kind is in flight
        bool joined = false; // its transaction is open
        QElapsedTimer sent;
    };

    void begin();
    QString localSettings() const; // SET LOCAL of the timeouts and work_mem
    void exportSnapshot();
    void joinSecondLane(const QString &snapshotId);
    bool pull(int lane); // false: nothing left to send
    void kindDone(
        int lane, const QString &kind, const QList<Result> &results, const PgError &error);
    void dropSecondLane(const QString &requeue);
    void settleIfDone();
    bool readDefinitionsNext(); // false: the load has no second part
    void addProblem(const QString &kind, const QString &message);
    void finish(const PgError &failure); // null: done

    QPointer<Connection> m_connection;
    QPointer<Connection> m_second;
    bool m_exportRefused = false; // the server said no once: stay on one session
    Options m_options;
    Options m_pending;
    bool m_loading = false;
    bool m_reloadAsked = false;
    bool m_committing = false;
    bool m_usedSecond = false;
    int m_pendingCommits = 0;
    PgError m_commitFailure;
    quint64 m_generation = 0;
    qint64 m_startedMs = 0;
    qint64 m_lastLoadMs = -1;
    int m_lastSessionCount = 0;
    Lane m_lanes[2];
    QStringList m_queue; // kinds not started yet, the costliest first
    QList<KindTiming> m_timings;
    QList<KindTiming> m_lastTimings;
    std::unique_ptr<CatalogSnapshot::Builder> m_builder;
    // The second part of a load with definitionsAfterwards.
    bool m_readingDefinitions = false;
    CatalogSnapshot m_quick;
    CatalogDefinitions m_definitions;
};

} // namespace tusk::core
