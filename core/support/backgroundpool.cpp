#include "backgroundpool.h"

#include <QThread>

#include <algorithm>

namespace tusk::core {

namespace {
QThreadPool *pool = nullptr;

void drain()
{
    // The application object is going: what still runs finishes now, and
    // its answers are never delivered.
    if (pool) {
        pool->waitForDone();
        delete pool;
        pool = nullptr;
    }
}
} // namespace

QThreadPool *BackgroundPool::instance()
{
    if (!pool) {
        pool = new QThreadPool;
        // The GUI thread keeps a core for itself; at least one worker.
        pool->setMaxThreadCount(std::max(1, QThread::idealThreadCount() - 1));
        qAddPostRoutine(drain);
    }
    return pool;
}

} // namespace tusk::core
