#include "whatifindex.h"

#include "plan.h"
#include "planreader.h"

#include "core/pg/connection.h"
#include "core/sql/sqlidentifier.h"

namespace tusk::core {

using namespace Qt::Literals::StringLiterals;

namespace {
// Planning takes light locks on the tables; a session of Tusk's own must not
// queue behind a migration's ACCESS EXCLUSIVE for long.
const QString sessionSettings = u"SET lock_timeout = '5s'; SET statement_timeout = '60s'"_s;

std::shared_ptr<const Plan> readPlan(const QString &text, PgError *error)
{
    PlanReader::Result read = PlanReader::read(text);
    if (!read.ok()) {
        *error =
            PgError::client(u"The server's plan could not be read: %1"_s.arg(read.error.message));
        return {};
    }
    return std::make_shared<const Plan>(std::move(read.plan));
}

// VERBOSE names each scanned table's schema: a plan explained without it
// says "orders", and an index on "orders" would be looked up on the
// search_path, where shop.orders may not be.
QString explainSql(const QByteArray &statement)
{
    return u"EXPLAIN (FORMAT JSON, VERBOSE) "_s + QString::fromUtf8(statement);
}

// The schema of the table a candidate names, from a VERBOSE plan of the
// statement; empty when no scan says, or when tables of that name in two
// schemas are scanned (then the name alone, as the plan gave it, is asked
// for rather than a guess).
QString schemaOf(const QString &planJson, const QString &table)
{
    const PlanReader::Result read = PlanReader::read(planJson);
    if (!read.ok())
        return {};
    QString found;
    for (const PlanNode &node : read.plan.nodes) {
        if (node.relation != table || node.schema.isEmpty())
            continue;
        if (!found.isEmpty() && found != node.schema)
            return {};
        found = node.schema;
    }
    return found;
}

QString planText(const QList<Result> &results)
{
    for (const Result &r : results)
        if (r.columnCount() == 1 && r.rowCount() >= 1)
            return r.text(0, 0);
    return {};
}
} // namespace

WhatIfIndex::WhatIfIndex(QObject *parent)
    : QObject(parent)
{
}

WhatIfIndex::~WhatIfIndex() = default;

QString WhatIfIndex::howToGetHypopg(int serverMajorVersion)
{
    return u"HypoPG is not available on this server: install Debian's postgresql-%1-hypopg, "
           u"then CREATE EXTENSION hypopg (as a role that may create it) in this database."_s.arg(
               serverMajorVersion > 0 ? QString::number(serverMajorVersion) : u"NN"_s);
}

void WhatIfIndex::start(
    const ConnInfo &info, const QByteArray &statement, const WhatIfCandidate &candidate)
{
    if (m_running)
        return;
    m_own = std::make_unique<Connection>();
    m_own->setAutoReconnect(false);
    m_session = m_own.get();
    connect(m_own.get(), &Connection::openFailed, this, [this](const PgError &error) {
        fail(error.explained(u"Could not connect for the what-if: %1"_s.arg(error.message)));
    });
    connect(m_own.get(), &Connection::opened, this, [this] {
        m_session->execute(sessionSettings, {}, this, [this](const auto &, const PgError &error) {
            if (!error.isNull())
                fail(error);
            else
                findExtension();
        });
    });
    begin(statement, candidate);
    m_own->open(info);
}

void WhatIfIndex::startOn(
    Connection *session, const QByteArray &statement, const WhatIfCandidate &candidate)
{
    if (m_running)
        return;
    m_session = session;
    begin(statement, candidate);
    findExtension();
}

void WhatIfIndex::begin(const QByteArray &statement, const WhatIfCandidate &candidate)
{
    m_running = true;
    m_statement = statement;
    m_triedCreate = false;
    m_outcome = {};
    m_outcome.candidate = candidate;
    m_outcome.createIndexSql = candidate.concurrentlySql();
}

QString WhatIfIndex::function(const char *name) const
{
    return SqlIdentifier::quote(m_extensionSchema) + u'.' + QLatin1String(name);
}

// Where the extension lives, so its functions are called by their full
// name whatever the search_path.
void WhatIfIndex::findExtension()
{
    m_session->execute(
        u"SELECT n.nspname FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace "
        u"WHERE e.extname = 'hypopg'"_s,
        {}, this, [this](const QList<Result> &results, const PgError &error) {
            if (!error.isNull())
                return fail(error);
            if (!results.isEmpty() && results.front().rowCount() > 0) {
                m_extensionSchema = results.front().text(0, 0);
                return explainBefore();
            }
            if (m_triedCreate)
                return fail(PgError::client(howToGetHypopg(m_session->server().majorVersion())));
            createExtension();
        });
}

void WhatIfIndex::createExtension()
{
    m_triedCreate = true;
    m_session->execute(u"CREATE EXTENSION IF NOT EXISTS hypopg"_s, {}, this,
        [this](const QList<Result> &, const PgError &error) {
            if (error.isNull())
                return findExtension();
            // 58P01: the package is not installed; 42501: this role may not
            // create it. Either way the user needs the same two steps.
            m_outcome.needsHypopg = true;
            fail(error.explained(howToGetHypopg(m_session->server().majorVersion())
                + u" (The server said: %1)"_s.arg(error.message)));
        });
}

void WhatIfIndex::explainBefore()
{
    m_session->execute(explainSql(m_statement), {}, this,
        [this](const QList<Result> &results, const PgError &error) {
            if (!error.isNull())
                return fail(error);
            m_beforeText = planText(results);
            if (m_outcome.candidate.schema.isEmpty()) {
                m_outcome.candidate.schema = schemaOf(m_beforeText, m_outcome.candidate.table);
                m_outcome.createIndexSql = m_outcome.candidate.concurrentlySql();
            }
            createIndex();
        });
}

void WhatIfIndex::createIndex()
{
    m_session->execute(
        u"SELECT indexrelid, indexname FROM %1($1)"_s.arg(function("hypopg_create_index")),
        {m_outcome.candidate.hypotheticalSql()}, this,
        [this](const QList<Result> &results, const PgError &error) {
            if (!error.isNull()) {
                m_outcome.error = error;
                return reset();
            }
            if (!results.isEmpty() && results.front().rowCount() > 0)
                m_outcome.hypotheticalName = results.front().text(0, 1);
            explainAfter();
        });
}

void WhatIfIndex::explainAfter()
{
    m_session->execute(explainSql(m_statement), {}, this,
        [this](const QList<Result> &results, const PgError &error) {
            if (!error.isNull())
                m_outcome.error = error;
            else
                m_afterText = planText(results);
            reset();
        });
}

// Always reached once an index was asked for, whatever went wrong after:
// a session the caller keeps must not plan with it later.
void WhatIfIndex::reset()
{
    m_session->execute(u"SELECT %1(); SELECT count(*) FROM %2()"_s.arg(
                           function("hypopg_reset"), function("hypopg")),
        {}, this, [this](const QList<Result> &results, const PgError &error) {
            if (error.isNull() && results.size() == 2)
                m_outcome.hypotheticalLeft = results.at(1).text(0, 0).toInt();
            if (m_outcome.error.isNull() && !error.isNull())
                m_outcome.error = error;
            finish();
        });
}

void WhatIfIndex::fail(const PgError &error)
{
    m_outcome.error = error;
    finish();
}

void WhatIfIndex::finish()
{
    if (m_outcome.error.isNull()) {
        m_outcome.before = readPlan(m_beforeText, &m_outcome.error);
        if (m_outcome.before)
            m_outcome.after = readPlan(m_afterText, &m_outcome.error);
        if (m_outcome.before && m_outcome.after) {
            m_outcome.costBefore = m_outcome.before->root().totalCost;
            m_outcome.costAfter = m_outcome.after->root().totalCost;
            for (const PlanNode &node : m_outcome.after->nodes)
                if (!m_outcome.hypotheticalName.isEmpty()
                    && node.index == m_outcome.hypotheticalName)
                    m_outcome.indexUsed = true;
        }
    }
    m_running = false;
    if (m_own) {
        // Closed later: this may run inside one of the session's signals.
        m_own->disconnect(this);
        m_own.release()->deleteLater();
    }
    const Outcome outcome = m_outcome;
    emit finished(outcome);
}

} // namespace tusk::core
