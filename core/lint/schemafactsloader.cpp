#include "schemafactsloader.h"

#include "core/pg/connection.h"
#include "core/support/backgroundpool.h"

#include <QFile>
#include <QRegularExpression>

#include <utility>

namespace tusk::core {

SchemaFactsLoader::SchemaFactsLoader(QObject *parent)
    : QObject(parent)
{
}

SchemaFactsLoader::~SchemaFactsLoader() = default;

QString SchemaFactsLoader::notNullColumn(const QString &definition)
{
    static const QRegularExpression shape(
        QStringLiteral("^CHECK \\(\\(?(\"(?:[^\"]|\"\")+\"|[a-z_][a-z0-9_$]*) IS NOT "
                       "NULL\\)?\\)(?: NOT VALID)?$"));
    const QRegularExpressionMatch m = shape.match(definition.trimmed());
    if (!m.hasMatch())
        return {};
    QString name = m.captured(1);
    if (name.startsWith(QLatin1Char('"')))
        name = name.mid(1, name.size() - 2).replace(QLatin1String("\"\""), QLatin1String("\""));
    return name;
}

SchemaFacts SchemaFactsLoader::fromResults(const QList<Result> &results, int serverVersion)
{
    SchemaFacts catalog;
    catalog.serverVersion = serverVersion;
    if (results.size() < 6)
        return catalog;
    catalog.searchPath.clear();
    for (int r = 0; r < results[0].rowCount(); ++r) {
        if (!results[0].text(r, 0).isEmpty())
            catalog.searchPath << results[0].text(r, 0);
        catalog.timeZone = results[0].text(r, 1);
    }
    QHash<QString, TableFacts> tables;
    auto key = [](const Result &result, int row) {
        QString k = result.text(row, 0);
        k.append(QLatin1Char('.')).append(result.text(row, 1));
        return k;
    };
    const Result &t = results[1];
    for (int r = 0; r < t.rowCount(); ++r) {
        TableFacts table;
        table.schema = t.text(r, 0);
        table.name = t.text(r, 1);
        table.rowEstimate = t.text(r, 2).toLongLong();
        table.totalBytes = t.text(r, 3).toLongLong();
        tables.insert(key(t, r), table);
    }
    const Result &c = results[2];
    for (int r = 0; r < c.rowCount(); ++r) {
        auto it = tables.find(key(c, r));
        if (it != tables.end())
            it->columns << ColumnFacts {
                c.text(r, 2), c.text(r, 3), c.text(r, 4) == QLatin1String("t")};
    }
    const Result &k = results[3];
    for (int r = 0; r < k.rowCount(); ++r) {
        auto it = tables.find(key(k, r));
        if (it == tables.end())
            continue;
        const QString definition = k.text(r, 3);
        it->checks << CheckFacts {k.text(r, 2), definition, k.text(r, 4) == QLatin1String("t"),
            notNullColumn(definition)};
    }
    const Result &x = results[4];
    for (int r = 0; r < x.rowCount(); ++r) {
        auto it = tables.find(key(x, r));
        if (it == tables.end())
            continue;
        it->indexKeys << x.text(r, 2).split(QChar(31));
        if (x.text(r, 3) == QLatin1String("t"))
            it->primaryKey = it->indexKeys.last();
    }
    for (TableFacts &table : tables)
        catalog.addTable(std::move(table));
    const Result &f = results[5];
    for (int r = 0; r < f.rowCount(); ++r) {
        const QString volatility = f.text(r, 1);
        if (!volatility.isEmpty())
            catalog.setVolatility(f.text(r, 0), volatility.at(0).toLatin1());
    }
    return catalog;
}

void SchemaFactsLoader::load(const ConnInfo &info)
{
    QFile file(QStringLiteral(":/sql/lint/catalog.sql"));
    if (!file.open(QIODevice::ReadOnly)) {
        emit failed(PgError::client(QStringLiteral("the catalog query is missing from the build"),
            QStringLiteral("58P01")));
        return;
    }
    const QString sql = QString::fromUtf8(file.readAll());
    m_connection = std::make_unique<Connection>();
    Connection *connection = m_connection.get();
    // A failed open also ends the queued request: report only the first.
    auto done = std::make_shared<bool>(false);
    auto opened = std::make_shared<bool>(false);
    connect(connection, &Connection::opened, this, [opened] { *opened = true; });
    connect(connection, &Connection::openFailed, this, [this, done](const PgError &error) {
        if (std::exchange(*done, true))
            return;
        emit failed(error.explained(QStringLiteral("cannot connect: %1").arg(error.toString())));
    });
    connection->open(info);
    connection->execute(sql, {}, this,
        [this, connection, done, opened](const QList<Result> &results, const PgError &error) {
            if (std::exchange(*done, true))
                return;
            if (!error.isNull()) {
                // A request queued before the session opened ends with the
                // connection's own error.
                emit failed(error.explained((*opened ? QStringLiteral("cannot read the catalog: %1")
                                                     : QStringLiteral("cannot connect: %1"))
                                                .arg(error.toString())));
                return;
            }
            // Building the facts of 10,000 tables takes ~50 ms: off the
            // GUI thread, delivered back unless this loader is gone.
            const int version = connection->server().versionNumber;
            BackgroundPool::run<SchemaFacts>(
                this, [results, version] { return fromResults(results, version); },
                [this](SchemaFacts &&facts) { emit loaded(facts); });
        });
}

} // namespace tusk::core
