#include "networkthreadpool.h"

#include <QThreadPool>

namespace tusk::core {

QThreadPool *NetworkThreadPool::instance()
{
    static QThreadPool *pool = [] {
        auto *p = new QThreadPool;
        p->setMaxThreadCount(16);
        p->setExpiryTimeout(30000);
        return p;
    }();
    return pool;
}

} // namespace tusk::core
