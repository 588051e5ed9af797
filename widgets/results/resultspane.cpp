#include "resultspane.h"

#include "resultgrid.h"
#include "resultsetmodel.h"

#include <QDateTime>
#include <QFontDatabase>
#include <QPalette>
#include <QPlainTextEdit>
#include <QScrollBar>

namespace tusk::widgets {

ResultsPane::ResultsPane(QWidget *parent)
    : QTabWidget(parent)
    , m_messages(new QPlainTextEdit(this))
{
    setObjectName(QStringLiteral("resultsPane"));
    setDocumentMode(true);
    m_messages->setObjectName(QStringLiteral("messages"));
    m_messages->setReadOnly(true);
    m_messages->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_messages->setMaximumBlockCount(5000); // a chatty loop of RAISE NOTICE stays bounded
    addTab(m_messages, tr("Messages"));
}

void ResultsPane::addFixedTab(QWidget *widget, const QString &title)
{
    insertTab(m_fixed++, widget, title);
}

void ResultsPane::clearResults()
{
    for (ResultGrid *grid : std::as_const(m_grids)) {
        removeTab(indexOf(grid));
        grid->deleteLater();
    }
    m_grids.clear();
}

void ResultsPane::setWriteOptions(const core::UserFileWriter::Options &options)
{
    m_writeOptions = options;
    for (ResultGrid *grid : std::as_const(m_grids))
        grid->setWriteOptions(options);
}

ResultGrid *ResultsPane::addResult(ResultSetModel *model)
{
    auto *grid = new ResultGrid(model, this);
    grid->setWriteOptions(m_writeOptions);
    connect(grid, &ResultGrid::message, this, [this](const QString &text) { appendMessage(text); });
    const int at = indexOf(m_messages);
    m_grids << grid;
    insertTab(at, grid, QString());
    updateResultTitle(grid);
    connect(
        model, &QAbstractItemModel::rowsInserted, grid, [this, grid] { updateResultTitle(grid); });
    // The first result set comes to the front as soon as its rows begin.
    if (m_grids.size() == 1)
        setCurrentWidget(grid);
    return grid;
}

void ResultsPane::finishResult(ResultSetModel *model, qint64 elapsedMs)
{
    for (ResultGrid *grid : std::as_const(m_grids)) {
        if (grid->model() == model) {
            grid->setFinished(elapsedMs);
            updateResultTitle(grid);
        }
    }
}

void ResultsPane::updateResultTitle(ResultGrid *grid)
{
    const int number = int(m_grids.indexOf(grid)) + 1;
    setTabText(indexOf(grid),
        tr("Result %1 (%2)").arg(number).arg(QLocale().toString(grid->model()->rowCount())));
}

void ResultsPane::appendMessage(const QString &text, Kind kind)
{
    const QString time = QTime::currentTime().toString(QStringLiteral("HH:mm:ss"));
    QString colour;
    switch (kind) {
    case Kind::Error:
        colour = QStringLiteral("#d32f2f");
        break;
    case Kind::Notice:
        colour = palette().color(QPalette::Link).name();
        break;
    case Kind::Command:
    case Kind::Info:
        break;
    }
    QString html = text.toHtmlEscaped().replace(QLatin1Char('\n'), QStringLiteral("<br>"));
    if (!colour.isEmpty())
        html = QStringLiteral("<span style=\"color:%1\">%2</span>").arg(colour, html);
    m_messages->appendHtml(
        QStringLiteral("<span style=\"color:gray\">%1</span> %2").arg(time, html));
    m_messages->verticalScrollBar()->setValue(m_messages->verticalScrollBar()->maximum());
}

void ResultsPane::showMessages()
{
    setCurrentWidget(m_messages);
}

QString ResultsPane::messagesText() const
{
    return m_messages->toPlainText();
}

} // namespace tusk::widgets
