#include "demodatabase.h"

#include "core/pg/connection.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>

namespace tusk::core {

namespace {
const QLatin1String completeMark("Tusk demo database (complete)");

struct Script {
    QString text;
    QString expectedSqlState; // empty: must succeed
};

Script loadScript(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    Script script {QString::fromUtf8(file.readAll()), {}};
    static const QRegularExpression expect(
        QStringLiteral("^-- tusk:expect-error ([0-9A-Z]{5})\\s*$"),
        QRegularExpression::MultilineOption);
    const auto firstLine = script.text.section(QLatin1Char('\n'), 0, 0);
    if (const auto m = expect.match(firstLine); m.hasMatch())
        script.expectedSqlState = m.captured(1);
    return script;
}
} // namespace

DemoDatabase::DemoDatabase(const ConnInfo &server, QObject *parent)
    : QObject(parent)
    , m_server(server)
{
}

DemoDatabase::~DemoDatabase() = default;

QString DemoDatabase::name()
{
    return QStringLiteral("tusk_demo");
}

QStringList DemoDatabase::scripts()
{
    QDir dir(QStringLiteral(":/sql/demo"));
    QStringList files = dir.entryList({QStringLiteral("*.sql")}, QDir::Files, QDir::Name);
    for (QString &file : files)
        file = dir.filePath(file);
    return files;
}

void DemoDatabase::fail(const PgError &error)
{
    // Closing the connections below finishes their queued requests, whose
    // callbacks would report the same failure again.
    if (m_failed)
        return;
    m_failed = true;
    if (m_admin)
        m_admin->close();
    if (m_demo)
        m_demo->close();
    emit failed(error);
}

void DemoDatabase::create(bool replace)
{
    m_failed = false;
    m_scripts = scripts();
    if (m_scripts.isEmpty()) {
        QMetaObject::invokeMethod(
            this,
            [this] {
                fail(PgError::client(
                    QStringLiteral("no demo scripts are compiled in"), QStringLiteral("58P01")));
            },
            Qt::QueuedConnection);
        return;
    }
    delete m_admin;
    m_admin = new Connection(this);
    m_admin->setAutoReconnect(false);
    connect(m_admin, &Connection::openFailed, this, [this](const PgError &error) {
        fail(error.explained(
            QStringLiteral("cannot connect to the sandbox server: ") + error.message));
    });
    connect(
        m_admin, &Connection::opened, this, [this, replace] { checkExisting(replace); },
        Qt::SingleShotConnection);
    m_admin->open(m_server);
}

void DemoDatabase::checkExisting(bool replace)
{
    m_admin->execute(QStringLiteral("SELECT shobj_description(oid, 'pg_database') FROM pg_database "
                                    "WHERE datname = $1"),
        {name()}, this, [this, replace](const QList<Result> &results, const PgError &error) {
            if (!error.isNull()) {
                fail(error.explained(
                    QStringLiteral("cannot look for %1: %2").arg(name(), error.message)));
                return;
            }
            const bool complete = !results.isEmpty() && results.first().rowCount() == 1
                && results.first().text(0, 0) == completeMark;
            if (complete && !replace) {
                m_admin->close();
                emit finished(false);
            } else {
                recreate();
            }
        });
}

void DemoDatabase::recreate()
{
    emit progress(QStringLiteral("creating the database %1").arg(name()));
    // DROP and CREATE DATABASE cannot share a request with other statements.
    m_admin->execute(QStringLiteral("DROP DATABASE IF EXISTS tusk_demo WITH (FORCE)"), {}, this,
        [this](const QList<Result> &, const PgError &error) {
            if (!error.isNull())
                fail(error.explained(
                    QStringLiteral("cannot drop the old %1: %2").arg(name(), error.message)));
        });
    m_admin->execute(QStringLiteral("CREATE DATABASE tusk_demo TEMPLATE template0 ENCODING 'UTF8'"),
        {}, this, [this](const QList<Result> &, const PgError &error) {
            if (!error.isNull()) {
                fail(error.explained(
                    QStringLiteral("cannot create %1: %2").arg(name(), error.message)));
                return;
            }
            ConnInfo demo = m_server;
            demo.setValue(QStringLiteral("dbname"), name());
            delete m_demo;
            m_demo = new Connection(this);
            m_demo->setAutoReconnect(false);
            connect(m_demo, &Connection::openFailed, this, [this](const PgError &e) {
                fail(
                    e.explained(QStringLiteral("cannot connect to %1: %2").arg(name(), e.message)));
            });
            connect(
                m_demo, &Connection::opened, this, [this] { runScript(0); },
                Qt::SingleShotConnection);
            m_demo->open(demo);
        });
}

void DemoDatabase::runScript(int index)
{
    if (index >= m_scripts.size()) {
        m_demo->close();
        markComplete();
        return;
    }
    const QString path = m_scripts.at(index);
    const Script script = loadScript(path);
    const QString file = QFileInfo(path).fileName();
    emit progress(QStringLiteral("running %1").arg(file));
    m_demo->execute(script.text, {}, this,
        [this, index, file, script](const QList<Result> &, const PgError &error) {
            const bool expected = !script.expectedSqlState.isEmpty();
            if (expected && error.sqlState != script.expectedSqlState) {
                // A demo script that misbehaves is our bug: internal_error.
                fail(PgError::client(
                    QStringLiteral("%1 should have failed with SQLSTATE %2 but %3")
                        .arg(file, script.expectedSqlState,
                            error.isNull() ? QStringLiteral("succeeded") : error.toString()),
                    QStringLiteral("XX000")));
                return;
            }
            if (!expected && !error.isNull()) {
                fail(error.explained(QStringLiteral("%1 failed: %2").arg(file, error.toString())));
                return;
            }
            runScript(index + 1);
        });
}

void DemoDatabase::markComplete()
{
    m_admin->execute(
        QStringLiteral("COMMENT ON DATABASE tusk_demo IS '") + completeMark + QStringLiteral("'"),
        {}, this, [this](const QList<Result> &, const PgError &error) {
            if (!error.isNull()) {
                fail(error.explained(
                    QStringLiteral("cannot mark %1 complete: %2").arg(name(), error.message)));
                return;
            }
            m_admin->close();
            emit finished(true);
        });
}

} // namespace tusk::core
