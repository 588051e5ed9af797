#include "wrappingitemdelegate.h"

#include <QHeaderView>
#include <QTreeView>

#include <algorithm>

namespace tusk::widgets {

WrappingItemDelegate::WrappingItemDelegate(QTreeView *view)
    : QStyledItemDelegate(view)
    , m_view(view)
{
    view->setWordWrap(true);
    view->setUniformRowHeights(false);
    // Row heights are cached; a column of another width needs new ones.
    connect(view->header(), &QHeaderView::sectionResized, view, [view] { view->doItemsLayout(); });
}

QSize WrappingItemDelegate::sizeHint(
    const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QStyleOptionViewItem measured = option;
    int width = m_view->header()->sectionSize(index.column());
    if (index.column() == 0) { // the branch and indentation take part of it
        int depth = m_view->rootIsDecorated() ? 1 : 0;
        for (QModelIndex p = index.parent(); p.isValid(); p = p.parent())
            ++depth;
        width -= m_view->indentation() * depth;
    }
    // The style wraps only within a valid rectangle: a height is needed too.
    measured.rect = QRect(0, 0, std::max(width, 20), QWIDGETSIZE_MAX);
    return QStyledItemDelegate::sizeHint(measured, index);
}

void WrappingItemDelegate::initStyleOption(
    QStyleOptionViewItem *option, const QModelIndex &index) const
{
    QStyledItemDelegate::initStyleOption(option, index);
    option->features |= QStyleOptionViewItem::WrapText;
}

} // namespace tusk::widgets
