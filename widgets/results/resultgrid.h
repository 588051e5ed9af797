#pragma once

#include "celltextformat.h"

#include "core/files/userfilewriter.h"

#include <QWidget>

class QLabel;
class QLineEdit;
class QSortFilterProxyModel;
class QTableView;

namespace tusk::widgets {

class ResultSetModel;

// One result set on screen: the grid (growing while rows stream in), its
// row count and timing, a filter and sorting over the fetched rows, copy
// of the selection as TSV, CSV or Markdown, export of all rows to CSV and
// a viewer for a cell's whole value. Sorting and filtering go through a
// proxy attached only when asked for, so a million plain rows cost no
// mapping tables.
class ResultGrid : public QWidget {
    Q_OBJECT
public:
    // Takes `model` over.
    explicit ResultGrid(ResultSetModel *model, QWidget *parent = nullptr);
    ~ResultGrid() override;

    ResultSetModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }

    // The set ended (its command tag is in the model) after `elapsedMs`.
    void setFinished(qint64 elapsedMs);
    bool isFinished() const { return m_finished; }
    QString statusText() const;

    void setFilterText(const QString &text);
    void sortBy(int column, Qt::SortOrder order);
    // Rows as shown (filtered, sorted), in model rows of the source.
    int shownRowCount() const;

    // The selected cells (their bounding rows and columns) with headers.
    QString selectionText(CellTextFormat::Format format) const;
    void copySelection(CellTextFormat::Format format) const;
    // Every shown row to `path` as CSV, written in one step.
    bool exportCsv(const QString &path, QString *error) const;
    // Where exports may not go (the workspace's migrations folder).
    void setWriteOptions(const core::UserFileWriter::Options &options) { m_writeOptions = options; }
    // Opens the viewer on the current cell.
    void viewCurrentValue();

signals:
    void message(const QString &text);

private:
    void ensureProxy();
    void fitColumns();
    void updateStatus();
    void showMenu(const QPoint &at);
    QStringList headers(const QList<int> &columns) const;

    ResultSetModel *m_model;
    QSortFilterProxyModel *m_proxy = nullptr;
    QTableView *m_view;
    QLineEdit *m_filter;
    QLabel *m_status;
    bool m_finished = false;
    bool m_fitted = false;
    qint64 m_elapsed = 0;
    core::UserFileWriter::Options m_writeOptions;
};

} // namespace tusk::widgets
