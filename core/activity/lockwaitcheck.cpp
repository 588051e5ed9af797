#include "lockwaitcheck.h"

#include "activitysample.h"

#include "core/lint/lockmodel.h"
#include "core/lint/scriptfacts.h"
#include "core/pg/connection.h"
#include "core/pg/result.h"
#include "core/sql/parsedscript.h"
#include "core/sql/sqlidentifier.h"
#include "core/sql/statementeffects.h"
#include "core/support/durationtext.h"
#include "core/workspace/confirmationpolicy.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace tusk::core {

namespace {
// The lock model names what it cannot name exactly in words: an index's
// table it does not know ("the table of x_idx", DROP INDEX and REINDEX
// INDEX lock it too), and whole sets of tables ("each table of schema s",
// "each index of the database"). The first is resolved on the server
// through pg_index; the sets are not checked (a REINDEX SCHEMA locks one
// table at a time anyway).
const QLatin1String tableOfPrefix("the table of ");
const QLatin1String setPrefix("each ");

// Concurrent index commands take a weak lock, then wait for every
// transaction holding a lock that conflicts with a stronger mode
// (WaitForLockers in PostgreSQL): CREATE INDEX and REINDEX CONCURRENTLY
// wait for the table's writers, DROP INDEX CONCURRENTLY for everyone using
// the table. Keyed by the lock model's reason and mode.
struct Drain {
    QLatin1String why;
    LockMode taken;
    LockMode waitsFor;
};
const Drain drains[] = {
    {QLatin1String("CREATE INDEX CONCURRENTLY"), LockMode::ShareUpdateExclusive, LockMode::Share},
    {QLatin1String("REINDEX CONCURRENTLY"), LockMode::ShareUpdateExclusive, LockMode::Share},
    {QLatin1String("DROP INDEX (its table)"), LockMode::ShareUpdateExclusive,
        LockMode::AccessExclusive},
};

constexpr int headChars = 60;
constexpr int queryChars = 80;

QString cut(const QString &text, int chars)
{
    const QString line = text.simplified();
    return line.size() > chars ? line.left(chars - 1) + QChar(0x2026) : line;
}

// "shop.items" as the lock model writes it (unquoted, case as the parser
// left it) → "shop.items" quoted for to_regclass, which would otherwise
// fold "Shop" to shop. A dot inside a quoted name is taken for the
// separator: that name is then not found, and not checked.
QString regclassText(const QString &relation)
{
    const qsizetype dot = relation.indexOf(QLatin1Char('.'));
    if (dot < 0)
        return SqlIdentifier::quote(relation);
    return SqlIdentifier::qualified(relation.left(dot), relation.mid(dot + 1));
}

qint64 number(const Result &r, int row, int column)
{
    bool ok = false;
    const qint64 n = r.text(row, column).toLongLong(&ok);
    return ok ? n : -1;
}

QString who(const LockWaitCheck::Blocker &b)
{
    return b.pid != 0
        ? QCoreApplication::translate("LockWaitCheck", "pid %1").arg(b.pid)
        : QCoreApplication::translate("LockWaitCheck", "prepared transaction '%1'").arg(b.gid);
}

QString holding(const LockWaitCheck::Blocker &b)
{
    QString state;
    if (b.pid == 0)
        state = QCoreApplication::translate("LockWaitCheck", "prepared %1 ago, ")
                    .arg(ageText(b.transactionAgeMs));
    else if (!b.state.isEmpty() && b.stateAgeMs >= 0)
        state = QCoreApplication::translate("LockWaitCheck", "%1 for %2, ")
                    .arg(b.state, ageText(b.stateAgeMs));
    else if (!b.state.isEmpty())
        state = b.state + QStringLiteral(", ");
    return QCoreApplication::translate("LockWaitCheck", " (%1holds %2 on %3)")
        .arg(state, LockModes::name(b.mode), b.relation);
}

QString waitingFor(const LockWaitCheck::Blocker &b)
{
    const QString mode = LockModes::name(b.mode);
    return b.waitingMs >= 0
        ? QCoreApplication::translate("LockWaitCheck", ", already waiting %1 for %2 on %3")
              .arg(ageText(b.waitingMs), mode, b.relation)
        : QCoreApplication::translate("LockWaitCheck", ", already waiting for %1 on %2")
              .arg(mode, b.relation);
}
} // namespace

QString LockWaitCheck::Outcome::failureText() const
{
    return QCoreApplication::translate("LockWaitCheck",
        "The lock check could not run (%1), so who holds locks on these tables now is "
        "unknown.")
        .arg(error.message.isEmpty() ? error.toString() : error.message);
}

LockWaitCheck::LockWaitCheck(QObject *parent)
    : QObject(parent)
{
    m_deadline.setSingleShot(true);
    connect(&m_deadline, &QTimer::timeout, this, [this] {
        Outcome o;
        o.error =
            PgError::client(QCoreApplication::translate("LockWaitCheck", "no answer within %1 s")
                                .arg(deadlineMs / 1000));
        finish(o);
    });
}

LockWaitCheck::~LockWaitCheck() = default;

QList<LockWaitCheck::Target> LockWaitCheck::targetsOf(
    const QByteArray &sql, int serverVersion, const SchemaFacts *catalog)
{
    QList<Target> out;
    const ParsedScript script(sql, 1);
    const ScriptFacts facts(script);
    LockModel::Context context;
    context.serverVersion = serverVersion;
    context.facts = &facts;
    context.catalog = catalog;
    for (const ParsedStatement &st : script.statements()) {
        // DML's ROW EXCLUSIVE waits only behind other structure changes and
        // explicit LOCKs, and is held for as long as the user's own
        // transaction: that is no surprise worth a question.
        if (StatementEffects::of(st.node) != StatementEffect::Schema)
            continue;
        context.statement = st.index;
        const QString head =
            cut(QString::fromUtf8(sql.mid(st.range.begin, st.range.size())), headChars);
        for (const RelationLock &lock : LockModel::locksOf(st.node, context)) {
            if (lock.objectOnly || lock.relation.startsWith(setPrefix))
                continue;
            Target t;
            t.statement = st.index;
            t.head = head;
            t.mode = lock.mode;
            t.relation = lock.relation;
            if (t.relation.startsWith(tableOfPrefix)) {
                t.ofIndex = true;
                t.relation = t.relation.mid(tableOfPrefix.size());
            }
            // A table this script makes itself is nobody else's yet.
            if (t.relation.isEmpty() || facts.createdBefore(t.relation, st.index - 1))
                continue;
            out << t;
            for (const Drain &drain : drains) {
                if (lock.why == drain.why && lock.mode == drain.taken) {
                    Target waits = t;
                    waits.mode = drain.waitsFor;
                    waits.holdersOnly = true;
                    out << waits;
                }
            }
        }
    }
    return out;
}

QString LockWaitCheck::sql(int serverVersion)
{
    // to_regclass() looks the name up with NoLock, ::regclass text is a
    // syscache lookup: neither waits behind a queued ACCESS EXCLUSIVE.
    // pg_locks is read once, as it is at one moment (the lock manager's
    // partitions, never a relation lock). A prepared transaction's locks
    // have no pid: its gid comes through its own transaction id lock, which
    // shares the virtual transaction.
    const QString waitStart = serverVersion >= 140000
        ? QStringLiteral("(extract(epoch FROM now() - l.waitstart) * 1000)::bigint")
        : QStringLiteral("NULL::bigint");
    return QStringLiteral(R"sql(
WITH target AS (
    SELECT t.ord, CASE WHEN t.of_index
        THEN (SELECT i.indrelid FROM pg_index i WHERE i.indexrelid = to_regclass(t.name))
        ELSE to_regclass(t.name) END AS oid
    FROM json_to_recordset($1::json) AS t(ord int, name text, of_index bool)
), l AS MATERIALIZED (
    SELECT * FROM pg_locks
    WHERE (locktype = 'relation' AND relation IN (SELECT oid FROM target)
           AND database = (SELECT d.oid FROM pg_database d WHERE d.datname = current_database()))
       OR (locktype = 'transactionid' AND pid IS NULL)
)
SELECT target.ord, l.relation::regclass::text, COALESCE(l.pid, 0), l.mode, l.granted, a.state,
       (extract(epoch FROM now() - COALESCE(a.xact_start, p.prepared)) * 1000)::bigint,
       (extract(epoch FROM now() - a.state_change) * 1000)::bigint,
       %1 AS waiting_ms, left(a.query, 400), p.gid
FROM target
JOIN l ON l.locktype = 'relation' AND l.relation = target.oid
LEFT JOIN pg_stat_activity a ON a.pid = l.pid
LEFT JOIN (l x JOIN pg_prepared_xacts p ON p.transaction = x.transactionid)
    ON l.pid IS NULL AND x.locktype = 'transactionid' AND x.pid IS NULL
    AND x.virtualtransaction = l.virtualtransaction
WHERE l.pid IS DISTINCT FROM pg_backend_pid() AND l.pid IS DISTINCT FROM $2::int
ORDER BY target.ord, l.granted DESC, waiting_ms DESC NULLS LAST, l.pid
)sql")
        .arg(waitStart);
}

QVariantList LockWaitCheck::parameters(const QList<Target> &targets, int ownPid)
{
    QJsonArray list;
    for (qsizetype i = 0; i < targets.size(); ++i)
        list.append(QJsonObject {{QStringLiteral("ord"), int(i)},
            {QStringLiteral("name"), regclassText(targets.at(i).relation)},
            {QStringLiteral("of_index"), targets.at(i).ofIndex}});
    // 0, never NULL: "pid IS DISTINCT FROM NULL" would drop prepared
    // transactions, whose pid is NULL.
    return {
        QString::fromUtf8(QJsonDocument(list).toJson(QJsonDocument::Compact)), std::max(ownPid, 0)};
}

QList<LockWaitCheck::Row> LockWaitCheck::read(const Result &r)
{
    QList<Row> rows;
    for (int i = 0; i < r.rowCount(); ++i) {
        Row row;
        row.target = int(number(r, i, 0));
        row.relation = r.text(i, 1);
        row.pid = int(number(r, i, 2));
        row.modeName = r.text(i, 3);
        row.granted = r.text(i, 4) == QLatin1String("t") || r.value(i, 4).toBool();
        row.state = r.text(i, 5);
        row.transactionAgeMs = number(r, i, 6);
        row.stateAgeMs = number(r, i, 7);
        row.waitingMs = number(r, i, 8);
        row.query = r.text(i, 9);
        row.gid = r.text(i, 10);
        rows << row;
    }
    return rows;
}

QList<LockWaitCheck::Blocker> LockWaitCheck::judge(
    const QList<Target> &targets, const QList<Row> &rows, int ownPid)
{
    QList<Blocker> out;
    QHash<QString, qsizetype> named; // session (pid, or gid for pid 0) → its blocker
    qsizetype statementStart = 0; // where the current statement's blockers begin
    for (qsizetype t = 0; t < targets.size(); ++t) {
        const Target &target = targets.at(t);
        if (t > 0 && targets.at(t - 1).statement != target.statement)
            statementStart = out.size();
        for (const Row &row : rows) {
            if (row.target != t || (ownPid > 0 && row.pid == ownPid)
                || (target.holdersOnly && !row.granted))
                continue;
            const std::optional<LockMode> mode = ActivityLock::modeOf(row.modeName);
            // A granted lock in a conflicting mode stops it; so does a
            // conflicting request already queued, which PostgreSQL serves
            // first (the new request joins the queue behind it).
            if (!mode || !LockModes::conflicts(target.mode, *mode))
                continue;
            const QString key = row.pid != 0 ? QString::number(row.pid) : row.gid;
            if (const auto seen = named.constFind(key); seen != named.constEnd()) {
                // Named once; a session holding several modes shows its strongest.
                Blocker &b = out[*seen];
                if (!b.waiting && row.granted && *mode > b.mode && b.statement == target.statement)
                    b.mode = *mode;
                continue;
            }
            Blocker b;
            b.statement = target.statement;
            b.head = target.head;
            b.wanted = target.mode;
            b.relation = row.relation;
            b.pid = row.pid;
            b.gid = row.gid;
            b.waiting = !row.granted;
            b.mode = *mode;
            b.state = row.state;
            b.transactionAgeMs = row.transactionAgeMs;
            b.stateAgeMs = row.stateAgeMs;
            b.waitingMs = row.waitingMs;
            b.query = cut(row.query, queryChars);
            // Holders before the queue, within the statement; the queue
            // keeps the order the server gave (longest waiting first).
            qsizetype at = out.size();
            if (!b.waiting) {
                at = statementStart;
                while (at < out.size() && !out.at(at).waiting)
                    ++at;
            }
            out.insert(at, b);
            for (auto it = named.begin(); it != named.end(); ++it) {
                if (*it >= at)
                    ++*it;
            }
            named.insert(key, at);
        }
    }
    return out;
}

QStringList LockWaitCheck::lines(const QList<Blocker> &blockers, int listed)
{
    QStringList out;
    for (qsizetype i = 0; i < blockers.size() && i < listed; ++i) {
        const Blocker &b = blockers.at(i);
        const bool first = i == 0 || blockers.at(i - 1).statement != b.statement;
        QString line = first
            ? QCoreApplication::translate("LockWaitCheck", "%1 would wait behind %2")
                  .arg(b.head, who(b))
            : QCoreApplication::translate("LockWaitCheck", "… and behind %1").arg(who(b));
        line += b.waiting ? waitingFor(b) : holding(b);
        if (!b.query.isEmpty())
            line += QStringLiteral(": ") + b.query;
        out << line;
    }
    if (blockers.size() > listed)
        out << QCoreApplication::translate(
            "LockWaitCheck", "… and %n more session(s)", nullptr, int(blockers.size() - listed));
    return out;
}

Confirmation LockWaitCheck::question(const Confirmation &approval, const Outcome &outcome)
{
    const QString found = outcome.lines.join(QLatin1Char('\n'));
    if (approval.isNull()) {
        if (found.isEmpty())
            return {};
        return {QCoreApplication::translate("LockWaitCheck", "Wait behind other sessions?"),
            QCoreApplication::translate("LockWaitCheck",
                "This would wait behind other sessions:\n\n%1\n\nWhile it waits, every later "
                "query on these tables queues behind it. Run anyway?")
                .arg(found)};
    }
    QString said;
    if (outcome.failed())
        said = outcome.failureText();
    else if (found.isEmpty())
        said = QCoreApplication::translate("LockWaitCheck",
            "Right now no session holds or waits for a lock these statements would wait "
            "behind.");
    else
        said = QCoreApplication::translate("LockWaitCheck",
            "Right now:\n%1\nWhile it waits, every later query on these tables queues "
            "behind it.")
                   .arg(found);
    Confirmation asked = approval;
    const qsizetype last = asked.text.lastIndexOf(QStringLiteral("\n\n"));
    asked.text.insert(last < 0 ? asked.text.size() : last, QStringLiteral("\n\n") + said);
    return asked;
}

QString LockWaitCheck::relationsText(const QList<Target> &targets)
{
    QStringList names;
    for (const Target &t : targets) {
        if (!names.contains(t.relation))
            names << t.relation;
    }
    return names.join(QStringLiteral(", "));
}

quint64 LockWaitCheck::start(const ConnInfo &info, const QList<Target> &targets, int ownPid)
{
    cancel();
    const quint64 id = ++m_id;
    m_targets = targets;
    m_ownPid = ownPid;
    m_clock.start();
    ConnInfo own = info;
    own.setValue(QStringLiteral("application_name"), applicationName());
    m_connection = std::make_unique<Connection>();
    m_connection->setAutoReconnect(false);
    m_connection->setConnectTimeout(deadlineMs);
    connect(m_connection.get(), &Connection::opened, this, &LockWaitCheck::onOpened);
    connect(m_connection.get(), &Connection::openFailed, this, [this](const PgError &error) {
        Outcome o;
        o.error = error;
        finish(o);
    });
    m_deadline.start(deadlineMs);
    m_connection->open(own);
    return id;
}

void LockWaitCheck::cancel()
{
    m_deadline.stop();
    if (!m_connection)
        return;
    m_connection->disconnect(this);
    // Possibly inside one of its signals: never deleted there.
    m_connection.release()->deleteLater();
}

void LockWaitCheck::onOpened()
{
    // Nothing here takes a relation lock; these bound whatever would (a
    // catalog lookup behind a stuck one), so a check never waits itself.
    m_connection->execute(
        QStringLiteral("SET lock_timeout = '100ms'; SET statement_timeout = '2s'"));
    const quint64 id = m_id;
    m_connection->execute(sql(m_connection->server().versionNumber),
        parameters(m_targets, m_ownPid), this,
        [this, id](const QList<Result> &results, const PgError &error) {
            if (id != m_id)
                return;
            Outcome o;
            o.error = error;
            o.checked = error.isNull() && !results.isEmpty();
            if (o.checked) {
                o.blockers = judge(m_targets, read(results.last()), m_ownPid);
                o.lines = lines(o.blockers);
            } else if (error.isNull()) {
                o.error = PgError::client(
                    QCoreApplication::translate("LockWaitCheck", "the server sent no rows"));
            }
            finish(o);
        });
}

void LockWaitCheck::finish(const Outcome &outcome)
{
    cancel();
    Outcome o = outcome;
    o.elapsedMs = m_clock.elapsed();
    emit finished(m_id, o);
}

} // namespace tusk::core
