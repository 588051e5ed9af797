#include "sessionaction.h"

#include "auditlog.h"

#include "core/pg/connection.h"
#include "core/pg/ownsessions.h"
#include "core/support/durationtext.h"

#include <QTimer>

namespace tusk::core {

SessionAction::SessionAction(QObject *parent)
    : QObject(parent)
{
}

SessionAction::~SessionAction() = default;

QString SessionAction::kindName(Kind kind)
{
    switch (kind) {
    case Kind::Cancel:
        return QStringLiteral("cancel");
    case Kind::Terminate:
        return QStringLiteral("terminate");
    case Kind::CancelThenTerminate:
        break;
    }
    return QStringLiteral("cancel, then terminate");
}

SessionAction::Card SessionAction::card(
    const ActivitySample &sample, const BlockingTree &tree, int pid, const QString &serverKey)
{
    Card c;
    c.pid = pid;
    const ActivitySession *s = sample.session(pid);
    if (OwnSessions::contains(serverKey, pid)) {
        c.refusal = QStringLiteral("Tusk's own session");
        return c;
    }
    if (!s) {
        c.refusal = QStringLiteral("no such session now");
        return c;
    }
    c.releases = tree.releasedBy(pid);
    c.facts << QStringLiteral("%1 (%2), %3@%4, application %5")
                   .arg(s->state.isEmpty() ? QStringLiteral("no state") : s->state, s->backendType,
                       s->user, s->database,
                       s->application.isEmpty() ? QStringLiteral("none") : s->application);
    c.facts << QStringLiteral("transaction open for %1; query for %2")
                   .arg(ageText(s->transactionAgeMs), ageText(s->queryAgeMs));
    if (s->isAntiWraparound())
        c.facts << QStringLiteral("an anti-wraparound autovacuum: ending it only postpones the "
                                  "same work under more pressure");
    if (s->backendType == QLatin1String("walsender"))
        c.facts << QStringLiteral("a walsender: a replica or a backup loses its stream");
    if (s->superuser)
        c.facts << QStringLiteral("a superuser's session");
    if (!sample.canSeeAllQueries && s->state.isEmpty())
        c.facts << QStringLiteral("its state, waits and query are hidden from this role: "
                                  "membership in pg_read_all_stats would show them");
    c.facts << (c.releases > 0
                       ? QStringLiteral("would release %1 blocked session(s)").arg(c.releases)
                       : QStringLiteral("blocks no one"))
            + (sample.canSeeAllQueries ? QString()
                                       : QStringLiteral(" (as far as this role can see)"));
    if (!s->query.isEmpty())
        c.facts << s->query.simplified().left(120);
    return c;
}

QList<int> SessionAction::matching(const ActivitySample &sample, const Rule &rule)
{
    QList<int> out;
    for (const ActivitySession &s : sample.sessions) {
        if (s.backendType != QLatin1String("client backend"))
            continue; // a rule never picks autovacuum, walsenders or workers
        if (!rule.state.isEmpty() && s.state != rule.state)
            continue;
        if (!rule.database.isEmpty() && s.database != rule.database)
            continue;
        if (s.stateAgeMs < rule.minStateAgeMs)
            continue;
        out << s.pid;
    }
    return out;
}

void SessionAction::run(const ConnInfo &info, Kind kind, const QList<int> &pids, int graceSeconds)
{
    m_kind = kind;
    m_todo = pids;
    m_results.clear();
    m_grace = graceSeconds;
    m_server = OwnSessions::serverKey(info.host(), info.port());
    m_connection = new Connection(this);
    m_connection->setAutoReconnect(false);
    connect(m_connection, &Connection::openFailed, this, [this](const PgError &e) {
        m_results << QStringLiteral("cannot connect: ") + e.message;
        emit finished(m_results);
    });
    connect(m_connection, &Connection::opened, this, &SessionAction::next);
    ConnInfo own = info;
    own.setValue(QStringLiteral("application_name"), QStringLiteral("tusk activity"));
    m_connection->open(own);
}

void SessionAction::next()
{
    if (m_todo.isEmpty()) {
        m_connection->close();
        return emit finished(m_results);
    }
    const int pid = m_todo.takeFirst();
    if (OwnSessions::contains(m_server, pid)) {
        record(QStringLiteral("%1 %2: refused, Tusk's own session").arg(kindName(m_kind)).arg(pid));
        return next();
    }
    const auto report = [this, pid](const QString &what) {
        record(QStringLiteral("%1 %2: %3").arg(kindName(m_kind)).arg(pid).arg(what));
        next();
    };
    if (m_kind == Kind::Terminate) {
        return act(pid, QStringLiteral("pg_terminate_backend"), [this, pid, report](bool sent) {
            if (!sent)
                return report(QStringLiteral("no such session"));
            // Terminated sessions take a moment to leave pg_stat_activity.
            QTimer::singleShot(500, this, [this, pid, report] {
                stillThere(pid, [report](bool there) {
                    report(there ? QStringLiteral("sent; still there after 0.5 s")
                                 : QStringLiteral("terminated"));
                });
            });
        });
    }
    act(pid, QStringLiteral("pg_cancel_backend"), [this, pid, report](bool sent) {
        if (!sent)
            return report(QStringLiteral("no such session"));
        if (m_kind == Kind::Cancel)
            return report(QStringLiteral("cancelled its query"));
        QTimer::singleShot(m_grace * 1000, this, [this, pid, report] {
            stillThere(pid, [this, pid, report](bool there) {
                if (!there)
                    return report(QStringLiteral("cancelled; gone idle or away within the grace"));
                act(pid, QStringLiteral("pg_terminate_backend"), [report](bool sent) {
                    report(sent ? QStringLiteral("cancelled, still there after the grace: "
                                                 "terminated")
                                : QStringLiteral("cancelled; gone before the terminate"));
                });
            });
        });
    });
}

void SessionAction::act(int pid, const QString &function, const std::function<void(bool)> &then)
{
    m_connection->execute(QStringLiteral("SELECT %1($1)").arg(function), {pid}, this,
        [this, pid, then](const QList<Result> &results, const PgError &e) {
            if (!e.isNull()) {
                // Refused by the server (not "no such session"): say why and
                // what would allow it, and go on with the next one.
                QString why = e.message;
                if (!e.detail.isEmpty())
                    why += QStringLiteral(" (") + e.detail + QLatin1Char(')');
                if (e.sqlState == QLatin1String("42501"))
                    why += QStringLiteral("; a superuser, the session's own role, or a member of "
                                          "pg_signal_backend may (a superuser's session: only a "
                                          "superuser)");
                record(QStringLiteral("%1 %2: refused by the server: %3")
                           .arg(kindName(m_kind))
                           .arg(pid)
                           .arg(why));
                return next();
            }
            then(!results.isEmpty() && results.first().rowCount() == 1
                && results.first().value(0, 0).toBool());
        });
}

void SessionAction::stillThere(int pid, const std::function<void(bool)> &then)
{
    // Still there: the session exists and is not idle (an idle one has
    // let go of its transaction and its locks).
    m_connection->execute(QStringLiteral("SELECT count(*) FROM pg_stat_activity WHERE pid = $1 AND "
                                         "state IS DISTINCT FROM 'idle'"),
        {pid}, this, [then](const QList<Result> &results, const PgError &) {
            then(!results.isEmpty() && results.first().rowCount() == 1
                && results.first().text(0, 0) != QLatin1String("0"));
        });
}

void SessionAction::record(const QString &line)
{
    m_results << line;
    QString error;
    if (!AuditLog::append(QStringLiteral("%1 %2").arg(m_server, line), &error))
        m_results << QStringLiteral("(the audit log could not be written: %1)").arg(error);
}

} // namespace tusk::core
