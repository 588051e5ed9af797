#pragma once

#include <QCoreApplication>
#include <QObject>
#include <QPointer>
#include <QThreadPool>

#include <functional>

namespace tusk::core {

// Where CPU work that must not hold up the GUI thread runs (a lint, the
// health checks of a snapshot), and how its result comes back: to the
// receiver on the application's main thread, or nowhere when the receiver
// is gone by then. Nobody waits for a task while Tusk runs; the pool is
// drained once, when the application object is destroyed.
class BackgroundPool {
public:
    static QThreadPool *instance();

    // Runs `work` on the pool, then `deliver(result)` on the main thread if
    // `receiver` (which lives there) still exists.
    template<typename Result>
    static void run(
        QObject *receiver, std::function<Result()> work, std::function<void(Result &&)> deliver)
    {
        const QPointer<QObject> guard(receiver);
        instance()->start([guard, work = std::move(work), deliver = std::move(deliver)]() mutable {
            Result result = work();
            // Posted to the application object, which outlives every
            // receiver; the guard is read on the main thread, where the
            // receiver is deleted, so the check cannot race.
            QMetaObject::invokeMethod(
                QCoreApplication::instance(),
                [guard, result = std::move(result), deliver = std::move(deliver)]() mutable {
                    if (guard)
                        deliver(std::move(result));
                },
                Qt::QueuedConnection);
        });
    }
};

} // namespace tusk::core
