#include "catalogsnapshotworker.h"

#include "core/pg/connection.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QPointer>
#include <QThread>

#include <memory>

namespace tusk::core {

namespace {

// The workers' threads still running. When the application object goes,
// each is given a moment to close its sessions: a thread still running
// while the process's statics are destroyed could crash the exit.
QList<QPointer<QThread>> &runningThreads()
{
    static QList<QPointer<QThread>> threads;
    return threads;
}

void finishThreads()
{
    for (const QPointer<QThread> &thread : std::as_const(runningThreads())) {
        if (!thread)
            continue;
        // A stopped worker is gone within milliseconds; one whose session
        // was never destroyed has its loop ended.
        if (!thread->wait(QDeadlineTimer(2000))) {
            thread->quit();
            thread->wait(QDeadlineTimer(1000));
        }
        if (thread->isFinished())
            delete thread.data();
    }
    runningThreads().clear();
}

} // namespace

CatalogSnapshotWorker *CatalogSnapshotWorker::start(const ConnInfo &info)
{
    static const bool drained = [] {
        qAddPostRoutine(finishThreads);
        return true;
    }();
    Q_UNUSED(drained);
    runningThreads().removeAll(nullptr);
    auto *thread = new QThread;
    runningThreads() << thread;
    thread->setObjectName(QStringLiteral("catalog snapshots"));
    auto *worker = new CatalogSnapshotWorker(info);
    worker->moveToThread(thread);
    // The worker goes first (its sessions close on its thread), then the
    // thread ends and its object is deleted where it was made.
    connect(worker, &QObject::destroyed, thread, &QThread::quit, Qt::DirectConnection);
    connect(thread, &QThread::finished, thread, &QObject::deleteLater);
    connect(thread, &QThread::started, worker, [worker] {
        worker->m_first = new Connection(worker);
        worker->m_second = new Connection(worker);
        worker->m_loader = new CatalogSnapshotLoader(worker->m_first, worker);
        worker->m_loader->setSecondConnection(worker->m_second);
        connect(worker->m_loader, &CatalogSnapshotLoader::loaded, worker,
            [worker](const CatalogSnapshot &snapshot) {
                emit worker->loaded(
                    snapshot, worker->m_loader->lastLoadMs(), worker->m_loader->isLoading());
            });
        connect(worker->m_loader, &CatalogSnapshotLoader::failed, worker,
            [worker](const PgError &error) {
                emit worker->failed(error, worker->m_loader->isLoading());
            });
        connect(
            worker->m_first, &Connection::openFailed, worker, &CatalogSnapshotWorker::openFailed);
        worker->m_first->open(worker->m_info);
        worker->m_second->open(worker->m_info);
    });
    thread->start();
    return worker;
}

CatalogSnapshotWorker::CatalogSnapshotWorker(const ConnInfo &info)
    : m_info(info)
{
}

void CatalogSnapshotWorker::stop()
{
    QMetaObject::invokeMethod(
        this, [this] { delete this; }, Qt::QueuedConnection);
}

void CatalogSnapshotWorker::load(const CatalogSnapshotLoader::Options &options)
{
    QMetaObject::invokeMethod(
        this, [this, options] { loadWhenReady(options); }, Qt::QueuedConnection);
}

void CatalogSnapshotWorker::loadWhenReady(const CatalogSnapshotLoader::Options &options)
{
    auto ready = [this] {
        return m_first->isOpen() && m_second->state() != Connection::State::Connecting;
    };
    if (ready()) {
        m_loader->load(options);
        return;
    }
    auto waits = std::make_shared<QList<QMetaObject::Connection>>();
    auto startOnce = [this, waits, ready, options] {
        if (!ready())
            return;
        for (const QMetaObject::Connection &wait : std::as_const(*waits))
            disconnect(wait);
        m_loader->load(options);
    };
    *waits << connect(m_first, &Connection::opened, this, startOnce)
           << connect(m_second, &Connection::stateChanged, this, startOnce);
}

} // namespace tusk::core
