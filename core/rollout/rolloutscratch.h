#pragma once

#include "core/pg/conninfo.h"

#include <QObject>
#include <QTemporaryDir>

#include <memory>

class QProcess;

namespace tusk::core {

class Connection;

// The scratch database a dry run changes (issue 23, point 7): a new
// database `tusk_scratch_<time>_<pid>` on a server Tusk may write to (the
// sandbox), holding the target's schema, with its rows when asked. A
// source on that same server with rows wanted is copied as a template (a
// file copy, seconds for the demo); otherwise `pg_dump` of the source,
// schema only unless rows are wanted, goes through `pg_restore` without
// owners and grants (the roles of the target need not exist here; the
// comparisons are between readings of the scratch database itself). Then
// ANALYZE, so the dry run's estimates know the scratch's row counts.
// Asynchronous; the programs run as QProcesses.
class RolloutScratch : public QObject {
    Q_OBJECT
public:
    explicit RolloutScratch(QObject *parent = nullptr);
    ~RolloutScratch() override;

    // `server`: any database of the server the scratch lives on, as a
    // user who may create databases. `source`: the database whose schema
    // the scratch gets.
    void create(const ConnInfo &server, const ConnInfo &source, bool withRows);
    // Drops the scratch database (its sessions ended first): dropped(), at
    // once when none was made. Also after failed(): a half-made one goes.
    void drop();

    QString name() const { return m_name; }
    ConnInfo connInfo() const;
    // "tusk_scratch_… on /var/run/… (schema and rows of tusk_demo)"
    QString description() const;

signals:
    void progress(const QString &step);
    void ready();
    void failed(const QString &error);
    void dropped();

private:
    void createEmpty();
    void dumpAndRestore();
    void restore();
    void analyze();
    QProcess *program(const QString &name, const QStringList &arguments, const ConnInfo &info);
    void admin(const QString &sql, const std::function<void(const QString &error)> &then);

    ConnInfo m_server;
    ConnInfo m_source;
    bool m_withRows = false;
    bool m_created = false; // the database exists: drop() removes it
    QString m_name;
    QString m_how;
    QString m_binDir;
    Connection *m_admin = nullptr;
    std::unique_ptr<QTemporaryDir> m_dumpDir;
};

} // namespace tusk::core
