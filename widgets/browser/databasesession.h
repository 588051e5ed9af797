#pragma once

#include "catalog/catalogsnapshot.h"
#include "catalog/healthfinding.h"
#include "pg/conninfo.h"

#include <QObject>
#include <QThreadPool>

namespace tusk::core {
class CatalogSnapshotLoader;
class Connection;
class ObjectReader;
} // namespace tusk::core

namespace tusk::widgets {

// The browser's sessions on one database: two that read snapshots
// together, one that reads single objects (DDL, sizes, dependents), so
// opening an object never waits behind a refresh. Both belong to the browser alone: they
// open and end their own transactions. GUI thread; nothing blocks.
class DatabaseSession : public QObject {
    Q_OBJECT
public:
    DatabaseSession(const core::ConnInfo &info, QObject *parent = nullptr);
    ~DatabaseSession() override;

    QString database() const;
    // Reads the quick snapshot, then the whole one: loaded() comes twice.
    // The checks need the whole one: the quick one comes with the findings
    // of the last check (none on the first load).
    void refresh();
    bool isLoading() const;
    core::ObjectReader *reader() const { return m_reader; }
    core::Connection *objectConnection() const { return m_objects; }
    // The database names of the server (resources/sql/objects/databases.sql).
    void listDatabases();

signals:
    void loaded(const core::CatalogSnapshot &snapshot, const QList<core::HealthFinding> &findings,
        qint64 elapsedMs);
    void failed(const QString &message);
    void databasesListed(const QStringList &names);

private:
    core::Connection *m_snapshots;
    // A second session for snapshots: the loader shares the kinds between
    // the two (an exported snapshot), so two backends answer at once.
    core::Connection *m_snapshotsHelper;
    core::Connection *m_objects;
    core::CatalogSnapshotLoader *m_loader;
    core::ObjectReader *m_reader;
    core::ConnInfo m_info;
    // One thread for the health checks (about 0.1 s on 10,000 tables, too
    // long for the GUI thread), in order; the destructor waits for it.
    QThreadPool m_checks;
    int m_checking = 0; // snapshots read whose checks have not come back
    QList<core::HealthFinding> m_lastFindings;
};

} // namespace tusk::widgets
