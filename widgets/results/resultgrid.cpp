#include "resultgrid.h"

#include "resultsetmodel.h"
#include "valueviewer.h"

#include "core/files/userfilewriter.h"
#include "core/support/durationtext.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>

namespace tusk::widgets {

namespace {
constexpr int kMaxColumnWidth = 360;
constexpr int kRowsMeasured = 200; // rows read to size the columns
} // namespace

ResultGrid::ResultGrid(ResultSetModel *model, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_view(new QTableView(this))
    , m_filter(new QLineEdit(this))
    , m_status(new QLabel(this))
{
    m_model->setParent(this);
    m_view->setObjectName(QStringLiteral("resultView"));
    m_view->setModel(m_model);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    // Fixed row heights: a million rows never get measured one by one.
    QHeaderView *rows = m_view->verticalHeader();
    rows->setSectionResizeMode(QHeaderView::Fixed);
    rows->setDefaultSectionSize(fontMetrics().height() + 6);
    QHeaderView *columns = m_view->horizontalHeader();
    columns->setResizeContentsPrecision(kRowsMeasured);
    columns->setSectionsClickable(true);
    columns->setSortIndicatorShown(false);
    columns->setHighlightSections(false);

    m_filter->setObjectName(QStringLiteral("resultFilter"));
    m_filter->setPlaceholderText(tr("Filter fetched rows…"));
    m_filter->setClearButtonEnabled(true);
    m_status->setObjectName(QStringLiteral("resultStatus"));
    auto *copy = new QToolButton(this);
    copy->setText(tr("Copy"));
    copy->setPopupMode(QToolButton::InstantPopup);
    auto *copyMenu = new QMenu(copy);
    for (auto format : {CellTextFormat::Format::Tsv, CellTextFormat::Format::Csv,
             CellTextFormat::Format::Markdown})
        copyMenu->addAction(tr("Copy as %1").arg(CellTextFormat::name(format)), this,
            [this, format] { copySelection(format); });
    copy->setMenu(copyMenu);
    auto *exportButton = new QToolButton(this);
    exportButton->setText(tr("Export CSV…"));

    auto *bar = new QHBoxLayout;
    bar->setContentsMargins(4, 2, 4, 2);
    bar->addWidget(m_status, 1);
    bar->addWidget(m_filter);
    bar->addWidget(copy);
    bar->addWidget(exportButton);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addLayout(bar);
    layout->addWidget(m_view, 1);

    auto *copyTsv = new QAction(tr("Copy"), this);
    copyTsv->setShortcut(QKeySequence::Copy);
    copyTsv->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_view->addAction(copyTsv);
    connect(
        copyTsv, &QAction::triggered, this, [this] { copySelection(CellTextFormat::Format::Tsv); });
    connect(m_view, &QTableView::doubleClicked, this, &ResultGrid::viewCurrentValue);
    connect(m_view, &QTableView::customContextMenuRequested, this, &ResultGrid::showMenu);
    connect(columns, &QHeaderView::sectionClicked, this, [this, columns](int column) {
        const bool again =
            columns->isSortIndicatorShown() && columns->sortIndicatorSection() == column;
        const Qt::SortOrder order = again && columns->sortIndicatorOrder() == Qt::AscendingOrder
            ? Qt::DescendingOrder
            : Qt::AscendingOrder;
        sortBy(column, order);
    });
    connect(exportButton, &QToolButton::clicked, this, [this] {
        const QString path = QFileDialog::getSaveFileName(
            this, tr("Export the rows"), QString(), tr("CSV files (*.csv);;All files (*)"));
        QString error;
        if (!path.isEmpty() && !exportCsv(path, &error))
            emit message(error);
        else if (!path.isEmpty())
            emit message(tr("%1 rows written to %2.").arg(shownRowCount()).arg(path));
    });
    // Filtering a million rows takes a moment: wait for a pause in typing.
    auto *pause = new QTimer(this);
    pause->setSingleShot(true);
    pause->setInterval(250);
    connect(m_filter, &QLineEdit::textChanged, pause, qOverload<>(&QTimer::start));
    connect(pause, &QTimer::timeout, this, [this] { setFilterText(m_filter->text()); });
    connect(m_model, &QAbstractItemModel::rowsInserted, this, [this] {
        if (!m_fitted)
            fitColumns();
        updateStatus();
    });
    if (m_model->rowCount() > 0 || m_model->columnCount() > 0)
        fitColumns();
    updateStatus();
}

ResultGrid::~ResultGrid() = default;

void ResultGrid::fitColumns()
{
    m_fitted = m_model->rowCount() > 0;
    m_view->resizeColumnsToContents();
    QHeaderView *header = m_view->horizontalHeader();
    for (int column = 0; column < m_model->columnCount(); ++column) {
        if (header->sectionSize(column) > kMaxColumnWidth)
            header->resizeSection(column, kMaxColumnWidth);
    }
}

void ResultGrid::setFinished(qint64 elapsedMs)
{
    m_finished = true;
    m_elapsed = elapsedMs;
    if (!m_fitted)
        fitColumns();
    updateStatus();
}

int ResultGrid::shownRowCount() const
{
    return m_proxy ? m_proxy->rowCount() : m_model->rowCount();
}

void ResultGrid::updateStatus()
{
    const QLocale locale;
    const int rows = m_model->rowCount();
    const QString count = rows == 1 ? tr("1 row") : tr("%1 rows").arg(locale.toString(rows));
    QString text = m_finished ? tr("%1 · %2").arg(count, core::durationText(m_elapsed))
                              : tr("%1 so far…").arg(count);
    if (m_proxy && shownRowCount() != m_model->rowCount())
        text += tr(" · %1 shown").arg(locale.toString(shownRowCount()));
    if (m_model->droppedRows() > 0)
        text += tr(" · row cap reached: %1 more rows were not kept (raise “Max rows” to keep them)")
                    .arg(locale.toString(m_model->droppedRows()));
    m_status->setText(text);
}

QString ResultGrid::statusText() const
{
    return m_status->text();
}

void ResultGrid::ensureProxy()
{
    if (m_proxy)
        return;
    m_proxy = new QSortFilterProxyModel(this);
    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(ResultSetModel::SortRole);
    m_proxy->setFilterRole(ResultSetModel::RawTextRole);
    m_proxy->setFilterKeyColumn(-1);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_view->setModel(m_proxy);
    connect(m_proxy, &QAbstractItemModel::rowsInserted, this, &ResultGrid::updateStatus);
}

void ResultGrid::setFilterText(const QString &text)
{
    if (!m_proxy && text.isEmpty())
        return;
    ensureProxy();
    if (m_filter->text() != text)
        m_filter->setText(text);
    m_proxy->setFilterFixedString(text);
    updateStatus();
}

void ResultGrid::sortBy(int column, Qt::SortOrder order)
{
    ensureProxy();
    m_proxy->sort(column, order);
    QHeaderView *header = m_view->horizontalHeader();
    header->setSortIndicatorShown(true);
    header->setSortIndicator(column, order);
}

QStringList ResultGrid::headers(const QList<int> &columns) const
{
    QStringList names;
    for (int column : columns)
        names << m_model->columns().at(column).name;
    return names;
}

QString ResultGrid::selectionText(CellTextFormat::Format format) const
{
    // The bounding rows and columns of the selection, in view order.
    const QItemSelection selection = m_view->selectionModel()->selection();
    QList<int> rows, columns;
    for (const QItemSelectionRange &range : selection) {
        for (int row = range.top(); row <= range.bottom(); ++row)
            rows << row;
        for (int column = range.left(); column <= range.right(); ++column)
            columns << column;
    }
    if (rows.isEmpty() && m_view->currentIndex().isValid()) {
        rows << m_view->currentIndex().row();
        columns << m_view->currentIndex().column();
    }
    std::sort(rows.begin(), rows.end());
    rows.erase(std::unique(rows.begin(), rows.end()), rows.end());
    std::sort(columns.begin(), columns.end());
    columns.erase(std::unique(columns.begin(), columns.end()), columns.end());
    QList<QStringList> cells;
    cells.reserve(rows.size());
    for (int row : rows) {
        const int source = m_proxy ? m_proxy->mapToSource(m_proxy->index(row, 0)).row() : row;
        QStringList line;
        for (int column : columns)
            line << m_model->text(source, column);
        cells << line;
    }
    return CellTextFormat::format(format, headers(columns), cells);
}

void ResultGrid::copySelection(CellTextFormat::Format format) const
{
    QApplication::clipboard()->setText(selectionText(format));
}

bool ResultGrid::exportCsv(const QString &path, QString *error) const
{
    core::UserFileWriter file(path, m_writeOptions);
    if (!file.open()) {
        *error = file.error().message;
        return false;
    }
    QList<int> all;
    for (int column = 0; column < m_model->columnCount(); ++column)
        all << column;
    QByteArray chunk = CellTextFormat::csvLine(headers(all)).toUtf8() + '\n';
    const int count = shownRowCount();
    for (int row = 0; row < count; ++row) {
        const int source = m_proxy ? m_proxy->mapToSource(m_proxy->index(row, 0)).row() : row;
        QStringList line;
        line.reserve(all.size());
        for (int column : all)
            line << m_model->text(source, column);
        chunk += CellTextFormat::csvLine(line).toUtf8();
        chunk += '\n';
        if (chunk.size() > (1 << 20)) {
            if (!file.write(chunk))
                break;
            chunk.clear();
        }
    }
    if (!file.write(chunk) || !file.commit()) {
        *error = file.error().message;
        return false;
    }
    return true;
}

void ResultGrid::viewCurrentValue()
{
    const QModelIndex current = m_view->currentIndex();
    if (!current.isValid())
        return;
    const QModelIndex source = m_proxy ? m_proxy->mapToSource(current) : current;
    const QString column = m_model->columns().at(source.column()).name;
    auto *viewer = new ValueViewer(tr("%1, row %2").arg(column).arg(source.row() + 1),
        m_model->text(source.row(), source.column()), m_model->isJsonColumn(source.column()), this);
    viewer->setAttribute(Qt::WA_DeleteOnClose);
    viewer->show();
}

void ResultGrid::showMenu(const QPoint &at)
{
    QMenu menu(this);
    menu.addAction(tr("View value…"), this, &ResultGrid::viewCurrentValue);
    menu.addSeparator();
    for (auto format : {CellTextFormat::Format::Tsv, CellTextFormat::Format::Csv,
             CellTextFormat::Format::Markdown})
        menu.addAction(tr("Copy as %1").arg(CellTextFormat::name(format)), this,
            [this, format] { copySelection(format); });
    menu.exec(m_view->viewport()->mapToGlobal(at));
}

} // namespace tusk::widgets
