#include "lockcheckedrun.h"

#include <utility>

namespace tusk::widgets {

using namespace tusk::core;

namespace {
// Past this the text is a dump or a generated script: its locks are not
// looked up (parsing it again would keep the window waiting), as the
// approval does not lint it either.
constexpr qsizetype kLockChecked = 256 * 1024;
} // namespace

LockCheckedRun::LockCheckedRun(QObject *parent)
    : QObject(parent)
    , m_check(new LockWaitCheck(this))
{
    connect(m_check, &LockWaitCheck::finished, this,
        [this](quint64 id, const LockWaitCheck::Outcome &outcome) {
            if (id != m_id || !m_pending)
                return; // an older check's answer
            const Pending run = *std::exchange(m_pending, std::nullopt);
            m_id = 0;
            emit answered(run, outcome);
        });
}

QString LockCheckedRun::start(const Pending &run, const ConnInfo &info, int serverVersion,
    const SchemaFacts *catalog, int ownPid)
{
    drop();
    if (run.text.size() > kLockChecked)
        return {};
    const QList<LockWaitCheck::Target> targets =
        LockWaitCheck::targetsOf(run.text, serverVersion, catalog);
    if (targets.isEmpty())
        return {};
    m_pending = run;
    m_id = m_check->start(info, targets, ownPid);
    return LockWaitCheck::relationsText(targets);
}

void LockCheckedRun::drop()
{
    m_check->cancel();
    m_pending.reset();
    m_id = 0;
}

} // namespace tusk::widgets
