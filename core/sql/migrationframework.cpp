#include "migrationframework.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>

namespace tusk::core {

namespace {

// The folder holding `name`, from `start` up to the filesystem root; empty when none.
QString findUpwards(const QString &start, const QString &name)
{
    QDir dir(start);
    for (int depth = 0; depth < 8; ++depth) {
        if (QFileInfo::exists(dir.filePath(name)))
            return dir.absolutePath();
        if (!dir.cdUp())
            break;
    }
    return {};
}

} // namespace

MigrationFramework MigrationFramework::detect(const QString &filePath, const QString &head)
{
    const QFileInfo file(filePath);
    const QString name = file.fileName();
    const QString folder = file.absolutePath();

    // graphile-migrate: a .gmrc at the project root; each migration runs in
    // one transaction unless its first line says `--! no-transaction`.
    if (!findUpwards(folder, QStringLiteral(".gmrc")).isEmpty()
        || !findUpwards(folder, QStringLiteral(".gmrc.js")).isEmpty()) {
        const bool opted = head.startsWith(QLatin1String("--! no-transaction"));
        return {QStringLiteral("graphile-migrate"), !opted,
            opted ? QStringLiteral(".gmrc found; the file opts out with --! no-transaction")
                  : QStringLiteral(
                      ".gmrc found; graphile-migrate runs each migration in a transaction")};
    }
    // Prisma: <14-digit timestamp>_<name>/migration.sql, sent as one script,
    // which PostgreSQL runs in one implicit transaction.
    static const QRegularExpression prisma(QStringLiteral("^\\d{14}_\\w+$"));
    if (name == QLatin1String("migration.sql") && prisma.match(file.dir().dirName()).hasMatch()) {
        return {QStringLiteral("Prisma"), true,
            QStringLiteral("%1/migration.sql: Prisma sends it as one script, run in one "
                           "transaction")
                .arg(file.dir().dirName())};
    }
    // dbmate: `-- migrate:up` sections, in a transaction unless `transaction:false`.
    if (head.contains(QLatin1String("-- migrate:up"))) {
        static const QRegularExpression optOut(
            QStringLiteral("--\\s*migrate:up\\s+transaction:false"));
        const bool opted = optOut.match(head).hasMatch();
        return {QStringLiteral("dbmate"), !opted,
            opted ? QStringLiteral("-- migrate:up transaction:false")
                  : QStringLiteral("-- migrate:up: dbmate runs it in a transaction")};
    }
    // Flyway: V1__name.sql / R__name.sql; one transaction per migration on PostgreSQL.
    static const QRegularExpression flyway(QStringLiteral("^[VUR]\\d*(?:[._]\\d+)*__.+\\.sql$"),
        QRegularExpression::CaseInsensitiveOption);
    if (flyway.match(name).hasMatch()) {
        // A script config file beside it may opt out (Flyway 6.1 and later).
        QFile config(filePath + QStringLiteral(".conf"));
        static const QRegularExpression optOut(
            QStringLiteral("^\\s*executeInTransaction\\s*=\\s*false\\s*$"),
            QRegularExpression::MultilineOption | QRegularExpression::CaseInsensitiveOption);
        if (config.open(QIODevice::ReadOnly)
            && optOut.match(QString::fromUtf8(config.read(4096))).hasMatch())
            return {QStringLiteral("Flyway"), false,
                QStringLiteral("%1.conf: executeInTransaction=false").arg(name)};
        return {QStringLiteral("Flyway"), true,
            QStringLiteral("%1: Flyway runs each migration in a transaction").arg(name)};
    }
    // golang-migrate: 0001_name.up.sql, sent as it is: no transaction of its own.
    if (name.endsWith(QLatin1String(".up.sql")) || name.endsWith(QLatin1String(".down.sql"))) {
        return {QStringLiteral("golang-migrate"), false,
            QStringLiteral("%1: golang-migrate adds no transaction").arg(name)};
    }
    // sqitch: deploy/ scripts bring their own BEGIN … COMMIT.
    if (!findUpwards(folder, QStringLiteral("sqitch.plan")).isEmpty()) {
        return {QStringLiteral("sqitch"), false,
            QStringLiteral("sqitch.plan found: scripts hold their own BEGIN … COMMIT")};
    }
    // Tusk's prerelease files (docs/profiles.md) run with psql -f: statement by statement.
    return {QStringLiteral("plain SQL"), false,
        QStringLiteral("no migration tool recognised: statements run one by one")};
}

} // namespace tusk::core
