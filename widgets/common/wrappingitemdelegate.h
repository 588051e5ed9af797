#pragma once

#include <QStyledItemDelegate>

class QTreeView;

namespace tusk::widgets {

// Lets a tree view's long values wrap onto more lines instead of being cut
// with "…". QTreeView asks a delegate for a row's height without telling it
// the column's width, so word wrap alone never makes a row taller; this
// delegate wraps, measures with the width the column has, and lays the view
// out again when a column changes width.
class WrappingItemDelegate : public QStyledItemDelegate {
    Q_OBJECT
public:
    explicit WrappingItemDelegate(QTreeView *view);

    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

protected:
    // QTreeView never sets WrapText itself, whatever its wordWrap says.
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override;

private:
    QTreeView *m_view;
};

} // namespace tusk::widgets
