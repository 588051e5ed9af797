#pragma once
// Helpers for the catalog tests: load a snapshot, read one object's DDL,
// find relations and findings by name, waiting on the event loop.

#include "core/catalog/catalogsnapshotloader.h"
#include "core/catalog/healthfinding.h"

namespace tusk::core {
class Connection;
}

namespace tusk::test {

// Loads a snapshot on `connection`; a null snapshot (and *failure) when
// the load failed or took more than 6 s.
core::CatalogSnapshot loadSnapshot(core::Connection &connection,
    core::CatalogSnapshotLoader::Options options = {}, QString *failure = nullptr,
    qint64 *elapsedMs = nullptr);

struct DdlAnswer {
    QString ddl;
    QString failure;
    QString failureCode; // the SQLSTATE the reader reported
};
DdlAnswer readDdl(core::Connection &connection, const core::CatalogSnapshot &snapshot,
    core::CatalogObjectRef ref);

// The relation named "schema.name", or an empty one.
const core::DbRelation &rel(const core::CatalogSnapshot &s, const QString &name);
// The objects one check found, sorted.
QStringList objectsOf(const QList<core::HealthFinding> &findings, const QString &check);
const core::HealthFinding *findingOf(
    const QList<core::HealthFinding> &findings, const QString &check, const QString &object);

} // namespace tusk::test
