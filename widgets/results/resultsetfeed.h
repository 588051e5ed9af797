#pragma once

#include <QObject>
#include <QPointer>

namespace tusk::core {
class QueryRunner;
class Result;
} // namespace tusk::core

namespace tusk::widgets {

class ResultSetModel;

// Turns a QueryRunner's batches into ResultSetModels: one model per result
// set, made at its first batch (with the runner's row cap), grown as rows
// arrive, given its command tag at the end. GUI thread.
class ResultSetFeed : public QObject {
    Q_OBJECT
public:
    explicit ResultSetFeed(core::QueryRunner *runner, QObject *parent = nullptr);

signals:
    // `model` is new, parented to the feed; a view that keeps it takes it
    // over (setParent).
    void resultSetStarted(tusk::widgets::ResultSetModel *model);
    void resultSetFinished(tusk::widgets::ResultSetModel *model, qint64 elapsedMs);

private:
    void start(int set, const core::Result &rows);

    core::QueryRunner *m_runner;
    QPointer<ResultSetModel> m_model;
    int m_set = -1;
};

} // namespace tusk::widgets
