#include "catalogtesthelpers.h"

#include "core/catalog/objectreader.h"
#include "core/pg/connection.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>

namespace tusk::test {

using namespace tusk::core;

CatalogSnapshot loadSnapshot(Connection &connection, CatalogSnapshotLoader::Options options,
    QString *failure, qint64 *elapsedMs)
{
    CatalogSnapshotLoader loader(&connection);
    QSignalSpy loaded(&loader, &CatalogSnapshotLoader::loaded);
    QSignalSpy failed(&loader, &CatalogSnapshotLoader::failed);
    QElapsedTimer timer;
    timer.start();
    loader.load(options);
    for (int i = 0; i < 300 && loaded.isEmpty() && failed.isEmpty(); ++i)
        QTest::qWait(20);
    if (elapsedMs)
        *elapsedMs = timer.elapsed();
    if (failure && !failed.isEmpty())
        *failure = failed.first().first().value<PgError>().message;
    return loaded.isEmpty() ? CatalogSnapshot() : loaded.first().first().value<CatalogSnapshot>();
}

DdlAnswer readDdl(Connection &connection, const CatalogSnapshot &snapshot, CatalogObjectRef ref)
{
    ObjectReader reader(&connection);
    DdlAnswer answer;
    bool done = false;
    QObject::connect(
        &reader, &ObjectReader::ddlReady, [&](const CatalogObjectRef &, const QString &t) {
            answer.ddl = t;
            done = true;
        });
    QObject::connect(
        &reader, &ObjectReader::failed, [&](const CatalogObjectRef &, const PgError &e) {
            answer.failure = e.message;
            answer.failureCode = e.sqlState;
            done = true;
        });
    reader.readDdl(snapshot, ref);
    for (int i = 0; i < 300 && !done; ++i)
        QTest::qWait(20);
    return answer;
}

const DbRelation &rel(const CatalogSnapshot &s, const QString &name)
{
    static const DbRelation none;
    const DbRelation *r = s.findRelation(name);
    return r ? *r : none;
}

// The findings of one check, as "object" strings.
QStringList objectsOf(const QList<HealthFinding> &findings, const QString &check)
{
    QStringList objects;
    for (const HealthFinding &f : findings) {
        if (f.check == check)
            objects << f.objectName;
    }
    objects.sort();
    return objects;
}

const HealthFinding *findingOf(
    const QList<HealthFinding> &findings, const QString &check, const QString &object)
{
    for (const HealthFinding &f : findings) {
        if (f.check == check && f.objectName == object)
            return &f;
    }
    return nullptr;
}

} // namespace tusk::test
