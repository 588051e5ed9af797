#include "resultsetfeed.h"

#include "resultsetmodel.h"

#include "core/pg/queryrunner.h"

namespace tusk::widgets {

using core::QueryRunner;
using core::Result;

ResultSetFeed::ResultSetFeed(QueryRunner *runner, QObject *parent)
    : QObject(parent)
    , m_runner(runner)
{
    connect(runner, &QueryRunner::resultSetStarted, this, &ResultSetFeed::start);
    connect(runner, &QueryRunner::rowsArrived, this, [this](int set, const Result &rows) {
        if (set == m_set && m_model)
            m_model->append(rows);
    });
    connect(runner, &QueryRunner::resultSetFinished, this,
        [this](int set, const QString &tag, qint64 elapsedMs) {
            if (set != m_set || !m_model)
                return;
            ResultSetModel *model = m_model;
            m_model = nullptr;
            m_set = -1;
            if (!tag.isEmpty())
                model->setCommandTag(tag);
            emit resultSetFinished(model, elapsedMs);
        });
}

void ResultSetFeed::start(int set, const Result &rows)
{
    auto *model = new ResultSetModel(this);
    model->setRowCap(m_runner->rowCap());
    model->append(rows);
    m_model = model;
    m_set = set;
    emit resultSetStarted(model);
}

} // namespace tusk::widgets
