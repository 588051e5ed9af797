#include "sessionfilterproxy.h"

#include "sessiontablemodel.h"

namespace tusk::widgets {

SessionFilterProxy::SessionFilterProxy(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setSortRole(SessionTableModel::SortRole);
    setDynamicSortFilter(true);
}

void SessionFilterProxy::setShowIdle(bool show)
{
    m_showIdle = show;
    invalidateFilter();
}

void SessionFilterProxy::setShowWorkers(bool show)
{
    m_showWorkers = show;
    invalidateFilter();
}

void SessionFilterProxy::setText(const QString &text, bool regex)
{
    m_pattern = QRegularExpression(
        regex ? text : QRegularExpression::escape(text), QRegularExpression::CaseInsensitiveOption);
    invalidateFilter();
}

void SessionFilterProxy::setMinStateAgeMs(qint64 ms)
{
    m_minStateAgeMs = ms;
    invalidateFilter();
}

bool SessionFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex &) const
{
    const auto *model = static_cast<const SessionTableModel *>(sourceModel());
    const core::ActivitySession *s = model->sessionAt(sourceRow);
    if (!s)
        return false;
    if (!m_showIdle && s->isIdleOrBackground())
        return false;
    if (!m_showWorkers && s->leaderPid > 0 && s->leaderPid != s->pid)
        return false;
    // An unknown age (-1: hidden from this role) passes when no minimum is set.
    if (m_minStateAgeMs > 0 && s->stateAgeMs < m_minStateAgeMs)
        return false;
    if (!m_pattern.pattern().isEmpty() && m_pattern.isValid()) {
        for (int c = 0; c < SessionTableModel::ColumnCount; ++c) {
            if (m_pattern.match(model->index(sourceRow, c).data().toString()).hasMatch())
                return true;
        }
        return false;
    }
    return true;
}

} // namespace tusk::widgets
