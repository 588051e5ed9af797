#pragma once

#include "activitysample.h"
#include "blockingtree.h"

#include "core/pg/conninfo.h"

#include <QObject>
#include <QStringList>

namespace tusk::core {

class Connection;

// Cancelling or terminating sessions (issue 24, point 8). Before acting, a
// card per session says what it is and what ending it would do: state,
// transaction age, backend type, whether it is an anti-wraparound
// autovacuum, a walsender or a superuser's, and how many sessions it would
// release according to the blocking tree. Tusk's own sessions (OwnSessions)
// are refused. "Cancel, then terminate after N s if still there" is one
// action. Every action and its result go to the audit log (AuditLog).
// Runs on a session of its own, asynchronously.
class SessionAction : public QObject {
    Q_OBJECT
public:
    enum class Kind { Cancel, Terminate, CancelThenTerminate };
    struct Card {
        int pid = 0;
        QStringList facts; // one line each, for the confirmation
        int releases = 0; // sessions the tree says would go on
        QString refusal; // non-empty: Tusk will not act on it
    };
    // The sessions a rule picks: in `state` (empty: any) for at least
    // `minStateAgeMs`, in `database` (empty: any), not Tusk's own.
    struct Rule {
        QString state;
        qint64 minStateAgeMs = 0;
        QString database;
    };

    explicit SessionAction(QObject *parent = nullptr);
    ~SessionAction() override;

    static Card card(
        const ActivitySample &sample, const BlockingTree &tree, int pid, const QString &serverKey);
    static QList<int> matching(const ActivitySample &sample, const Rule &rule);
    static QString kindName(Kind kind);

    // Acts on `pids` (refused ones are skipped and said so); finished()
    // gives one line per pid: what was done and whether it ended.
    void run(const ConnInfo &info, Kind kind, const QList<int> &pids, int graceSeconds = 5);

signals:
    void finished(const QStringList &results);

private:
    void next();
    void act(int pid, const QString &function, const std::function<void(bool)> &then);
    void stillThere(int pid, const std::function<void(bool)> &then);
    void record(const QString &line);

    Connection *m_connection = nullptr;
    Kind m_kind = Kind::Cancel;
    QList<int> m_todo;
    QStringList m_results;
    int m_grace = 5;
    QString m_server;
};

} // namespace tusk::core
