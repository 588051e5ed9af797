#pragma once

#include "core/activity/lockwaitcheck.h"
#include "core/pg/conninfo.h"

#include <QByteArray>
#include <QObject>

#include <optional>

namespace tusk::core {
struct SchemaFacts;
}

namespace tusk::widgets {

// A run of the SQL tool held back while core's LockWaitCheck asks the
// server whom its structure changes would wait behind (issue 24, point
// 12). One at a time: a newer start() or a drop() makes the older answer
// stale, and a stale answer is never delivered.
class LockCheckedRun : public QObject {
    Q_OBJECT
public:
    // Where the run begins in the editor, its bytes, and the text's
    // revision when Run was pressed.
    struct Pending {
        int begin = 0;
        QByteArray text;
        quint64 revision = 0;
    };

    explicit LockCheckedRun(QObject *parent = nullptr);

    // Starts the check when the run holds structure changes on relations
    // it did not create itself: returns those relations in words for the
    // tab's message. Empty: nothing to check, run it at once. `ownPid` is
    // the backend that will run it (its own locks hold up nothing of its).
    QString start(const Pending &run, const core::ConnInfo &info, int serverVersion,
        const core::SchemaFacts *catalog, int ownPid);
    void drop();
    bool isChecking() const { return m_pending.has_value(); }
    core::LockWaitCheck *check() const { return m_check; }

signals:
    void answered(const tusk::widgets::LockCheckedRun::Pending &run,
        const tusk::core::LockWaitCheck::Outcome &outcome);

private:
    core::LockWaitCheck *m_check;
    std::optional<Pending> m_pending;
    quint64 m_id = 0;
};

} // namespace tusk::widgets
