#pragma once

#include "core/activity/activitysample.h"

#include <QTabWidget>

class QPlainTextEdit;
class QTreeWidget;
class QTreeWidgetItem;

namespace tusk::core {
class BlockingTree;
}

namespace tusk::widgets {

// The lower half of the Activity page, one sample at a time: who blocks
// whom (the blocking tree with hard and soft edges, parallel workers under
// their leader, a deadlock in progress), each object's lock queue with its
// badge, the commands' progress, and the selected session's whole query.
class ActivityDetailTabs : public QTabWidget {
    Q_OBJECT
public:
    explicit ActivityDetailTabs(QWidget *parent = nullptr);

    void showSample(const core::ActivitySample &sample, const core::BlockingTree &tree);
    void showQuery(const QString &query);

    QTreeWidget *tree() const { return m_tree; }
    QTreeWidget *queues() const { return m_queues; }
    QTreeWidget *progress() const { return m_progress; }
    // The pid an item of the tree or the queues stands for; -1 for none.
    static int pidOf(const QTreeWidgetItem *item);

signals:
    // The user asked to act on a session of the tree or a queue.
    void actOn(int pid, bool terminate);

private:
    void showTree(const core::ActivitySample &sample, const core::BlockingTree &tree);
    void showQueues(const core::ActivitySample &sample);
    void showProgress(const core::ActivitySample &sample);
    void contextMenu(QTreeWidget *view, const QPoint &at);

    QTreeWidget *m_tree;
    QTreeWidget *m_queues;
    QTreeWidget *m_progress;
    QPlainTextEdit *m_query;
};

} // namespace tusk::widgets
