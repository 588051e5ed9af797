#pragma once

#include "sandboxsettings.h"

#include "core/pg/conninfo.h"
#include "core/pg/pgerror.h"

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QProcess>
#include <QTimer>

#include <functional>
#include <memory>

namespace tusk::core {

// A PostgreSQL cluster that Tusk owns, in one folder: created with the
// installed server's initdb, started on a free loopback port with its Unix
// socket in the folder, stopped and removed again. Used as the embedded
// default ("sandbox") and by the test fixture.
//
// Folder layout: data/ (PGDATA), server.log, superuser.password (0600),
// TUSK_SANDBOX (marks the folder as ours; remove() refuses folders without
// it), and the socket .s.PGSQL.<port>.
//
// Everything that waits (initdb, the server coming up or going down) runs
// through QProcess signals and timers on the owner's thread; nothing
// blocks. When Tusk runs as root the server runs as the postgres user.
class LocalServer : public QObject {
    Q_OBJECT
public:
    explicit LocalServer(const QString &folder, QObject *parent = nullptr);
    ~LocalServer() override;

    // $TUSK_SANDBOX_DIR, else ~/.local/share/tusk/sandbox (XDG data dir);
    // as root /var/lib/tusk/sandbox, since root's home is closed to the
    // postgres user.
    static QString defaultFolder();
    static constexpr const char *superuser = "postgres";

    QString folder() const { return m_folder; }
    QString dataDir() const;
    QString logFile() const;

    // Server programs; found automatically when not set (pg_bin_path).
    void setBinDir(const QString &binDir);
    QString binDir() const { return m_binDir; }
    // A port to try first; otherwise the last one used, else any free one.
    void setPreferredPort(int port) { m_preferredPort = port; }
    // Extra server settings written to the sandbox configuration.
    void setSetting(const QString &name, const QString &value);

    bool isInitialized() const;
    bool isRunning() const;
    int port() const; // of the running server, else the last one used, else 0
    int serverPid() const; // 0 when not running
    // Connection parameters over the Unix socket (trust, owner only).
    ConnInfo connInfo(const QString &database = QStringLiteral("postgres")) const;
    // The same over TCP on 127.0.0.1 with the superuser's password.
    ConnInfo tcpConnInfo(const QString &database = QStringLiteral("postgres")) const;

    // A step (initdb, start, stop, remove) is under way.
    bool isBusy() const { return m_step != Step::Idle; }

    // Creates the cluster when missing, then starts it: started() or failed().
    void start();
    void stop(); // stopped() or failed()
    void restart(); // stop() then start(): started() or failed()
    void remove(); // stops, deletes the folder: removed() or failed()

signals:
    void progress(const QString &step);
    void started();
    void stopped();
    void removed();
    // Why a step did not happen, with a SQLSTATE-style code (55006 busy,
    // 58P01 no server programs, 58030 a file, 58000 a program failed,
    // 53000 no free port, 57P03 the server did not start, 42501 not a
    // Tusk folder) and one sentence.
    void failed(const tusk::core::PgError &error);

private:
    enum class Step { Idle, InitDb, Starting, Stopping, Restarting, Removing };

    // The codes of failed(): PostgreSQL's own SQLSTATEs for the same kind
    // of trouble, so callers and tests decide on them as on a server's.
    static constexpr char busy[] = "55006"; // object_in_use: another step runs
    static constexpr char noFile[] = "58P01"; // undefined_file: no server programs
    static constexpr char ioError[] = "58030"; // io_error: a file or folder of the sandbox
    static constexpr char programFailed[] = "58000"; // system_error: initdb, pg_ctl, stop
    static constexpr char noPort[] = "53000"; // insufficient_resources: no free port
    static constexpr char didNotStart[] = "57P03"; // cannot_connect_now
    static constexpr char notOurs[] = "42501"; // insufficient_privilege: not a Tusk folder
    void fail(const QString &sqlState, const QString &message);
    bool refuseWhileBusy();
    void runProgram(const QString &name, const QStringList &arguments,
        std::function<void(bool ok, const QString &output)> done);
    bool ensureConfigIncluded(QString *error) const;
    bool prepareFolder(QString *error, QString *sqlState);
    void runInitDb();
    void launch();
    void waitUntilReady();
    void waitUntilGone();
    void afterStop();
    int choosePort() const;
    bool writeConfig(int port, QString *error);
    QString logTail(int lines = 8) const;
    QString logSince(qint64 offset) const;

    QString m_folder;
    QString m_binDir;
    int m_preferredPort = 0;
    SandboxSettings m_settings;
    Step m_step = Step::Idle;
    std::unique_ptr<QProcess> m_process;
    QTimer m_poll;
    QElapsedTimer m_clock; // since the current wait began
    qint64 m_logStart = 0; // log size when the current launch began
    bool m_retriedPort = false;
    int m_pid = 0;
};

} // namespace tusk::core
