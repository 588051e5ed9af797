#include "sessiontablemodel.h"

#include "core/support/durationtext.h"

#include <QBrush>
#include <QColor>
#include <QHash>

namespace tusk::widgets {

using core::ActivitySession;

SessionTableModel::SessionTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void SessionTableModel::setThresholds(qint64 longQueryMs, qint64 idleInTransactionMs)
{
    m_longQueryMs = longQueryMs;
    m_idleInTransactionMs = idleInTransactionMs;
    if (!m_rows.isEmpty())
        emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1), {Qt::BackgroundRole});
}

void SessionTableModel::setSample(const core::ActivitySample &sample)
{
    QHash<int, const ActivitySession *> incoming;
    m_workers.clear();
    for (const ActivitySession &s : sample.sessions) {
        incoming.insert(s.pid, &s);
        if (s.leaderPid > 0 && s.leaderPid != s.pid)
            ++m_workers[s.leaderPid];
    }
    // Gone sessions leave, bottom up so the rows above keep their place.
    for (int row = int(m_rows.size()) - 1; row >= 0; --row) {
        if (incoming.contains(m_rows.at(row).pid))
            continue;
        int first = row;
        while (first > 0 && !incoming.contains(m_rows.at(first - 1).pid))
            --first;
        beginRemoveRows({}, first, row);
        m_rows.remove(first, row - first + 1);
        endRemoveRows();
        row = first;
    }
    // Those still here change in place.
    QHash<int, int> rowOfPid;
    for (int row = 0; row < m_rows.size(); ++row) {
        m_rows[row] = *incoming.value(m_rows.at(row).pid);
        rowOfPid.insert(m_rows.at(row).pid, row);
    }
    if (!m_rows.isEmpty())
        emit dataChanged(index(0, 0), index(int(m_rows.size()) - 1, ColumnCount - 1));
    // New ones join at the end.
    QList<ActivitySession> added;
    for (const ActivitySession &s : sample.sessions) {
        if (!rowOfPid.contains(s.pid))
            added << s;
    }
    if (!added.isEmpty()) {
        beginInsertRows({}, int(m_rows.size()), int(m_rows.size() + added.size()) - 1);
        m_rows << added;
        endInsertRows();
    }
}

const ActivitySession *SessionTableModel::sessionAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? &m_rows.at(row) : nullptr;
}

int SessionTableModel::rowOf(int pid) const
{
    for (int row = 0; row < m_rows.size(); ++row) {
        if (m_rows.at(row).pid == pid)
            return row;
    }
    return -1;
}

int SessionTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int SessionTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant SessionTableModel::display(const ActivitySession &s, int column) const
{
    switch (column) {
    case Pid:
        return s.pid;
    case Leader:
        if (s.leaderPid > 0 && s.leaderPid != s.pid)
            return s.leaderPid;
        if (const int workers = m_workers.value(s.pid); workers > 0)
            return tr("%n worker(s)", nullptr, workers);
        return {};
    case Database:
        return s.database;
    case User:
        return s.user;
    case Application:
        return s.application;
    case Client:
        return s.client;
    case BackendType:
        return s.backendType;
    case State:
        return s.state;
    case Wait:
        return s.waitEventType.isEmpty() ? QString()
                                         : s.waitEventType + QLatin1Char(':') + s.waitEvent;
    case TransactionAge:
        return s.transactionAgeMs < 0 ? QString() : core::ageText(s.transactionAgeMs);
    case QueryAge:
        return s.queryAgeMs < 0 ? QString() : core::ageText(s.queryAgeMs);
    case StateAge:
        return s.stateAgeMs < 0 ? QString() : core::ageText(s.stateAgeMs);
    case QueryId:
        return s.queryId == 0 ? QVariant() : QVariant(s.queryId);
    case Query:
        return s.query.simplified().left(300);
    default:
        return {};
    }
}

QVariant SessionTableModel::background(const ActivitySession &s) const
{
    if (s.isWaitingOnLock())
        return QBrush(QColor(0xfd, 0xe2, 0xe1)); // waits for a lock
    if (s.state.startsWith(QLatin1String("idle in transaction"))
        && s.stateAgeMs >= m_idleInTransactionMs)
        return QBrush(QColor(0xff, 0xf4, 0xd6)); // holds its locks while idle
    if (s.state == QLatin1String("active") && s.queryAgeMs >= m_longQueryMs)
        return QBrush(QColor(0xe3, 0xee, 0xfb)); // a long query
    return {};
}

QVariant SessionTableModel::data(const QModelIndex &index, int role) const
{
    const ActivitySession *s = sessionAt(index.row());
    if (!s || index.column() < 0 || index.column() >= ColumnCount)
        return {};
    switch (role) {
    case Qt::DisplayRole:
        return display(*s, index.column());
    case Qt::ToolTipRole:
        return index.column() == Query ? QVariant(s->query) : QVariant();
    case Qt::BackgroundRole:
        return background(*s);
    case PidRole:
        return s->pid;
    case SortRole:
        switch (index.column()) {
        case TransactionAge:
            return s->transactionAgeMs;
        case QueryAge:
            return s->queryAgeMs;
        case StateAge:
            return s->stateAgeMs;
        case Leader: // a worker right after its leader
            return s->leaderPid > 0 && s->leaderPid != s->pid ? double(s->leaderPid) + 0.5
                                                              : double(s->pid);
        default:
            return display(*s, index.column());
        }
    default:
        return {};
    }
}

QVariant SessionTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    static const char *const names[] = {QT_TR_NOOP("PID"), QT_TR_NOOP("Leader"),
        QT_TR_NOOP("Database"), QT_TR_NOOP("User"), QT_TR_NOOP("Application"), QT_TR_NOOP("Client"),
        QT_TR_NOOP("Backend"), QT_TR_NOOP("State"), QT_TR_NOOP("Wait"), QT_TR_NOOP("Transaction"),
        QT_TR_NOOP("Query age"), QT_TR_NOOP("State age"), QT_TR_NOOP("Query id"),
        QT_TR_NOOP("Query")};
    return section >= 0 && section < ColumnCount ? tr(names[section]) : QVariant();
}

} // namespace tusk::widgets
