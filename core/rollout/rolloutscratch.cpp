#include "rolloutscratch.h"

#include "core/pg/connection.h"
#include "core/sandbox/postgresbinaries.h"
#include "core/sql/sqlidentifier.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QProcess>

namespace tusk::core {

namespace {
// The last lines a program printed on stderr, for a message.
QString tail(const QByteArray &stderrBytes, int lines = 3)
{
    QStringList all = QString::fromUtf8(stderrBytes).trimmed().split(QLatin1Char('\n'));
    if (all.size() > lines)
        all = all.mid(all.size() - lines);
    return all.join(QStringLiteral(" / "));
}

bool sameServer(const ConnInfo &a, const ConnInfo &b)
{
    return a.host() == b.host() && a.port() == b.port();
}
} // namespace

RolloutScratch::RolloutScratch(QObject *parent)
    : QObject(parent)
{
}

RolloutScratch::~RolloutScratch() = default;

ConnInfo RolloutScratch::connInfo() const
{
    ConnInfo info = m_server;
    info.setValue(QStringLiteral("dbname"), m_name);
    return info;
}

QString RolloutScratch::description() const
{
    const QString where = m_server.host().isEmpty() ? QStringLiteral("the local server")
                                                    : m_server.host() + QLatin1Char(':')
            + (m_server.port().isEmpty() ? QStringLiteral("5432") : m_server.port());
    return QStringLiteral("%1 on %2 (%3)").arg(m_name, where, m_how);
}

void RolloutScratch::create(const ConnInfo &server, const ConnInfo &source, bool withRows)
{
    m_server = server;
    m_source = source;
    m_withRows = withRows;
    m_name = QStringLiteral("tusk_scratch_%1_%2")
                 .arg(QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMdd_hhmmss")))
                 .arg(QCoreApplication::applicationPid());
    m_binDir = PostgresBinaries::findBinDir();
    m_admin = new Connection(this);
    m_admin->setAutoReconnect(false);
    connect(m_admin, &Connection::openFailed, this, [this](const PgError &e) {
        emit failed(QStringLiteral("cannot connect to the scratch server %1: %2")
                        .arg(m_server.toDisplayString(), e.message));
    });
    connect(m_admin, &Connection::opened, this, [this] {
        const QString db = m_source.database();
        if (!(m_withRows && sameServer(m_server, m_source) && !db.isEmpty()))
            return createEmpty();
        emit progress(QStringLiteral("copying %1 as a template").arg(db));
        // A file copy: seconds where a dump and restore takes minutes.
        admin(QStringLiteral("CREATE DATABASE %1 TEMPLATE %2 STRATEGY FILE_COPY")
                  .arg(SqlIdentifier::quote(m_name), SqlIdentifier::quote(db)),
            [this, db](const QString &error) {
                if (!error.isEmpty()) {
                    // In use (a session on it): take the long way.
                    emit progress(QStringLiteral("%1 cannot serve as a template (%2); dumping it")
                                      .arg(db, error));
                    return createEmpty();
                }
                m_created = true;
                m_how = QStringLiteral("schema and rows of %1").arg(db);
                analyze();
            });
    });
    m_admin->open(server);
}

void RolloutScratch::createEmpty()
{
    admin(QStringLiteral("CREATE DATABASE %1").arg(SqlIdentifier::quote(m_name)),
        [this](const QString &error) {
            if (!error.isEmpty())
                return emit failed(QStringLiteral("cannot create the scratch database: ") + error);
            m_created = true;
            dumpAndRestore();
        });
}

void RolloutScratch::dumpAndRestore()
{
    if (m_binDir.isEmpty())
        return emit failed(QStringLiteral(
            "pg_dump and pg_restore were not found (install postgresql-client or the server)"));
    m_dumpDir = std::make_unique<QTemporaryDir>();
    const QString file = m_dumpDir->filePath(QStringLiteral("source.dump"));
    QStringList arguments {QStringLiteral("--format=custom"), QStringLiteral("--file"), file};
    if (!m_withRows)
        arguments << QStringLiteral("--schema-only");
    emit progress(
        QStringLiteral("dumping the %1 of %2")
            .arg(m_withRows ? QStringLiteral("schema and rows") : QStringLiteral("schema"),
                m_source.database()));
    QProcess *dump = program(QStringLiteral("pg_dump"), arguments, m_source);
    connect(dump, &QProcess::finished, this, [this, dump](int code, QProcess::ExitStatus status) {
        dump->deleteLater();
        if (status != QProcess::NormalExit || code != 0)
            return emit failed(
                QStringLiteral("pg_dump of %1 failed: %2")
                    .arg(m_source.toDisplayString(), tail(dump->readAllStandardError())));
        restore();
    });
    dump->start();
}

void RolloutScratch::restore()
{
    emit progress(QStringLiteral("restoring into %1").arg(m_name));
    const QString file = m_dumpDir->filePath(QStringLiteral("source.dump"));
    QProcess *restore = program(QStringLiteral("pg_restore"),
        {QStringLiteral("--no-owner"), QStringLiteral("--no-acl"), file}, connInfo());
    connect(
        restore, &QProcess::finished, this, [this, restore](int code, QProcess::ExitStatus status) {
            restore->deleteLater();
            const QByteArray errors = restore->readAllStandardError();
            m_how = QStringLiteral("%1 of %2")
                        .arg(m_withRows ? QStringLiteral("schema and rows")
                                        : QStringLiteral("schema only"),
                            m_source.database());
            if (status != QProcess::NormalExit)
                return emit failed(QStringLiteral("pg_restore stopped: ") + tail(errors));
            // Exit 1 means some statements failed (an extension this server
            // lacks): the rest is there, and the report says what failed.
            if (code != 0)
                m_how += QStringLiteral("; pg_restore reported: ") + tail(errors, 2);
            analyze();
        });
    restore->start();
}

void RolloutScratch::analyze()
{
    emit progress(QStringLiteral("analyzing %1").arg(m_name));
    auto *scratch = new Connection(this);
    scratch->setAutoReconnect(false);
    connect(scratch, &Connection::openFailed, this, [this, scratch](const PgError &e) {
        scratch->deleteLater();
        emit failed(QStringLiteral("cannot connect to the scratch database: ") + e.message);
    });
    connect(scratch, &Connection::opened, this, [this, scratch] {
        scratch->execute(QStringLiteral("ANALYZE"), {}, this,
            [this, scratch](const QList<Result> &, const PgError &e) {
                scratch->close();
                scratch->deleteLater();
                if (!e.isNull())
                    return emit failed(QStringLiteral("ANALYZE failed: ") + e.message);
                emit ready();
            });
    });
    scratch->open(connInfo());
}

void RolloutScratch::drop()
{
    if (!m_admin || !m_created)
        return emit dropped();
    admin(
        QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)").arg(SqlIdentifier::quote(m_name)),
        [this](const QString &error) {
            if (!error.isEmpty())
                return emit failed(QStringLiteral("the scratch database %1 was not dropped: %2")
                                       .arg(m_name, error));
            m_created = false;
            emit dropped();
        });
}

QProcess *RolloutScratch::program(
    const QString &name, const QStringList &arguments, const ConnInfo &info)
{
    auto *process = new QProcess(this);
    process->setProgram(QDir(m_binDir).filePath(name));
    ConnInfo withoutPassword = info;
    withoutPassword.remove(QStringLiteral("password"));
    process->setArguments(
        arguments + QStringList {QStringLiteral("--dbname"), withoutPassword.toKeywordString()});
    // The password goes in the environment, never on a command line others
    // can read in the process list.
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    if (info.hasPassword())
        environment.insert(QStringLiteral("PGPASSWORD"), info.value(QStringLiteral("password")));
    environment.insert(QStringLiteral("PGAPPNAME"), QStringLiteral("tusk scratch"));
    process->setProcessEnvironment(environment);
    process->setStandardOutputFile(QProcess::nullDevice());
    connect(process, &QProcess::errorOccurred, this, [this, name](QProcess::ProcessError error) {
        if (error == QProcess::FailedToStart)
            emit failed(QStringLiteral("%1 could not be started").arg(name));
    });
    return process;
}

void RolloutScratch::admin(const QString &sql, const std::function<void(const QString &)> &then)
{
    m_admin->execute(sql, {}, this, [then](const QList<Result> &, const PgError &e) {
        then(e.isNull() ? QString() : e.message);
    });
}

} // namespace tusk::core
