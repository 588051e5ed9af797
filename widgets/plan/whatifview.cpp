#include "whatifview.h"

#include "plancomparisonview.h"

#include "core/plan/plan.h"

#include <QApplication>
#include <QClipboard>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTextDocument>
#include <QVBoxLayout>

namespace tusk::widgets {

using namespace tusk::core;

WhatIfView::WhatIfView(QWidget *parent)
    : QWidget(parent)
    , m_summary(new QLabel(this))
    , m_sql(new QLineEdit(this))
    , m_openSql(new QPushButton(tr("Open in SQL Editor"), this))
    , m_copy(new QPushButton(tr("Copy"), this))
    , m_comparison(new PlanComparisonView(this))
{
    setObjectName(QStringLiteral("whatIfView"));
    m_summary->setObjectName(QStringLiteral("whatIfSummary"));
    m_summary->setWordWrap(true);
    m_summary->setTextFormat(Qt::RichText);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_sql->setObjectName(QStringLiteral("whatIfSql"));
    m_sql->setReadOnly(true);
    m_sql->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_openSql->setObjectName(QStringLiteral("whatIfOpenSql"));
    m_openSql->setToolTip(tr("Open the statement in a new SQL editor tab, to review and run"));
    m_copy->setToolTip(tr("Copy the statement"));
    connect(m_openSql, &QPushButton::clicked, this,
        [this] { emit openSqlRequested(m_outcome.createIndexSql); });
    connect(m_copy, &QPushButton::clicked, this,
        [this] { QApplication::clipboard()->setText(m_outcome.createIndexSql); });

    auto *row = new QHBoxLayout;
    row->addWidget(new QLabel(tr("Suggested:"), this));
    row->addWidget(m_sql, 1);
    row->addWidget(m_openSql);
    row->addWidget(m_copy);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_summary);
    layout->addLayout(row);
    layout->addWidget(m_comparison, 1);
}

void WhatIfView::setCanOpenSql(bool can)
{
    m_openSql->setVisible(can);
}

void WhatIfView::setOutcome(const WhatIfIndex::Outcome &outcome)
{
    m_outcome = outcome;
    m_sql->setText(outcome.createIndexSql);
    const QString target = outcome.candidate.target().toHtmlEscaped();
    const QString costs =
        tr("cost %1 → %2").arg(outcome.costBefore, 0, 'f', 2).arg(outcome.costAfter, 0, 'f', 2);
    m_summary->setText(outcome.indexUsed
            ? tr("<b>With an index on %1 the planner would use it</b>: %2. Both plans are the "
                 "planner's estimates (EXPLAIN without ANALYZE) with a hypothetical index "
                 "(HypoPG); nothing was built.")
                  .arg(target, costs)
            : tr("<b>With an index on %1 the planner would still not use it</b> (%2): the "
                 "filter may not be selective enough, or the statistics are stale (ANALYZE "
                 "the table). Both plans are estimates; nothing was built.")
                  .arg(target, costs));
    if (outcome.before && outcome.after)
        m_comparison->setPlans(outcome.before, tr("Now"), outcome.after,
            tr("With %1").arg(outcome.hypotheticalName.isEmpty() ? outcome.candidate.target()
                                                                 : outcome.hypotheticalName));
}

QString WhatIfView::summaryText() const
{
    QTextDocument doc;
    doc.setHtml(m_summary->text());
    return doc.toPlainText();
}

} // namespace tusk::widgets
