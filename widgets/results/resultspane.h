#pragma once

#include "core/files/userfilewriter.h"

#include <QTabWidget>

class QPlainTextEdit;

namespace tusk::widgets {

class ResultGrid;
class ResultSetModel;

// The lower half of an editor tab: the tabs a caller fixes first (the lint
// findings), then one tab per result set of the last run, then the
// messages: what each statement did, server notices, errors with their
// SQLSTATE, detail and hint.
class ResultsPane : public QTabWidget {
    Q_OBJECT
public:
    enum class Kind { Info, Command, Notice, Error };

    explicit ResultsPane(QWidget *parent = nullptr);

    // A tab that stays across runs, before the results.
    void addFixedTab(QWidget *widget, const QString &title);
    // Removes the result tabs of the last run.
    void clearResults();
    // A result set began streaming: a tab of its own (takes `model` over).
    ResultGrid *addResult(ResultSetModel *model);
    void finishResult(ResultSetModel *model, qint64 elapsedMs);
    QList<ResultGrid *> grids() const { return m_grids; }
    // Given to every grid, now and later (CSV export).
    void setWriteOptions(const core::UserFileWriter::Options &options);

    void appendMessage(const QString &text, Kind kind = Kind::Info);
    void showMessages();
    QPlainTextEdit *messagesView() const { return m_messages; }
    QString messagesText() const;

private:
    void updateResultTitle(ResultGrid *grid);

    QPlainTextEdit *m_messages;
    QList<ResultGrid *> m_grids;
    core::UserFileWriter::Options m_writeOptions;
    int m_fixed = 0;
};

} // namespace tusk::widgets
