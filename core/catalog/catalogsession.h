#pragma once

#include "catalogsnapshot.h"
#include "healthfinding.h"

#include "core/pg/conninfo.h"
#include "core/pg/pgerror.h"

#include <QObject>

namespace tusk::core {

class CatalogSnapshotWorker;
class Connection;
class ObjectReader;

// The sessions that read one database's catalog: two that read snapshots
// together, one that reads single objects (DDL, sizes, dependents), so
// opening an object never waits behind a refresh. They open and end their
// own transactions, so nobody else may run SQL on them. The Workspace keeps
// one for the target's database (its snapshot serves every tool); the
// Schema tool opens more for the server's other databases. Snapshots are
// received and built on a thread of the session's own; single objects on
// the thread it lives on (the GUI thread in the window); nothing blocks.
class CatalogSession : public QObject {
    Q_OBJECT
public:
    struct Options {
        bool systemSchemas = false;
        // The window: a quick snapshot first, then the whole one. The
        // command line waits for the whole one only.
        bool quickFirst = true;
        // Health checks on each whole snapshot (loaded() carries them).
        bool healthChecks = true;
    };

    CatalogSession(const ConnInfo &info, QObject *parent = nullptr);
    CatalogSession(const ConnInfo &info, const Options &options, QObject *parent = nullptr);
    ~CatalogSession() override;

    QString database() const;
    // Reads the quick snapshot, then the whole one: loaded() comes twice
    // (once without quickFirst). The checks need the whole one: the quick
    // one comes with the findings of the last check (none on the first load).
    void refresh();
    bool isLoading() const;
    ObjectReader *reader() const { return m_reader; }
    Connection *objectConnection() const { return m_objects; }
    // The database names of the server (resources/sql/objects/databases.sql).
    void listDatabases();

signals:
    void loaded(const tusk::core::CatalogSnapshot &snapshot,
        const QList<tusk::core::HealthFinding> &findings, qint64 elapsedMs);
    // Why the catalog could not be read (a server's or connection's error
    // with its SQLSTATE; the snapshot before, if any, stays valid).
    void failed(const tusk::core::PgError &error);
    void databasesListed(const QStringList &names);

private:
    void delivered(const CatalogSnapshot &snapshot, qint64 elapsedMs);

    // The two sessions that read snapshots (the loader shares the kinds
    // between them, so two backends answer at once), on their own thread.
    CatalogSnapshotWorker *m_snapshots;
    bool m_loading = false; // as the worker last said
    Connection *m_objects;
    ObjectReader *m_reader;
    ConnInfo m_info;
    Options m_options;
    int m_checking = 0; // snapshots read whose checks have not come back
    quint64 m_checksStarted = 0;
    quint64 m_checksDelivered = 0; // the newest snapshot whose findings came back
    QList<HealthFinding> m_lastFindings;
};

} // namespace tusk::core
