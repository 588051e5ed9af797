#pragma once

#include "catalogsnapshot.h"
#include "catalogsnapshotloader.h"

#include "core/pg/conninfo.h"
#include "core/pg/pgerror.h"

#include <QObject>

namespace tusk::core {

class Connection;

// The two sessions that read catalog snapshots and their loader, on a
// thread of their own. A snapshot of 10,000 tables is 100,000 column rows:
// receiving them, reading them into the snapshot and building it took up to
// 100 ms at a time, which the window's thread may not give. Made by
// CatalogSession; every call reaches it queued, every answer comes back as
// a signal, and stop() ends it without anyone waiting.
class CatalogSnapshotWorker : public QObject {
    Q_OBJECT
public:
    // A worker on a new thread, already connecting to `info`.
    static CatalogSnapshotWorker *start(const ConnInfo &info);
    // Closes the sessions and ends the thread, from any thread; the worker
    // and its thread are deleted once done. Receivers disconnect first.
    void stop();

    // Queued to the worker's thread: loads once the first session is open
    // and the second is open too or has given up (it only speeds the load up).
    void load(const CatalogSnapshotLoader::Options &options);

signals:
    // `loading`: the whole snapshot after a quick one, or a load asked for
    // meanwhile, is still to come.
    void loaded(const tusk::core::CatalogSnapshot &snapshot, qint64 elapsedMs, bool loading);
    void failed(const tusk::core::PgError &error, bool loading);
    void openFailed(const tusk::core::PgError &error);

private:
    explicit CatalogSnapshotWorker(const ConnInfo &info);
    void loadWhenReady(const CatalogSnapshotLoader::Options &options);

    ConnInfo m_info;
    Connection *m_first = nullptr;
    Connection *m_second = nullptr;
    CatalogSnapshotLoader *m_loader = nullptr;
};

} // namespace tusk::core
