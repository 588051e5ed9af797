#pragma once

#include "core/pg/conninfo.h"
#include "core/pg/pgerror.h"

#include <QObject>
#include <QStringList>

namespace tusk::core {

class Connection;

// Builds the demo database (tusk_demo) from the scripts under
// resources/sql/demo/, compiled in as :/sql/demo/. Each script is sent as one
// request, in name order; a script whose first line is
// "-- tusk:expect-error SQLSTATE" must fail with exactly that SQLSTATE (how
// the demo gets its invalid index). A finished build is marked with a comment
// on the database, so an interrupted one is rebuilt next time.
// Asynchronous, on the owner's thread.
class DemoDatabase : public QObject {
    Q_OBJECT
public:
    // `server` points at any database of the server (the maintenance one).
    explicit DemoDatabase(const ConnInfo &server, QObject *parent = nullptr);
    ~DemoDatabase() override;

    static QString name();
    static QStringList scripts(); // resource paths, in the order they run

    // Builds the database unless a complete one exists (or `replace`).
    void create(bool replace = false);

signals:
    void progress(const QString &step);
    void finished(bool built); // false: a complete demo was already there
    // What went wrong, with the server's SQLSTATE (or 58P01 when no demo
    // script is compiled in).
    void failed(const tusk::core::PgError &error);

private:
    void checkExisting(bool replace);
    void recreate();
    void runScript(int index);
    void markComplete();
    void fail(const PgError &error);

    ConnInfo m_server;
    Connection *m_admin = nullptr;
    Connection *m_demo = nullptr;
    QStringList m_scripts;
    bool m_failed = false;
};

} // namespace tusk::core
