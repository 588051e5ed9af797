#include "planinsightslist.h"

#include "core/plan/planinsight.h"
#include "widgets/common/severitystyle.h"

#include <QScrollBar>
#include <QUrl>

namespace tusk::widgets {

using namespace tusk::core;

PlanInsightsList::PlanInsightsList(QWidget *parent)
    : QTextBrowser(parent)
{
    setObjectName(QStringLiteral("planInsights"));
    setAccessibleName(tr("Insights"));
    setOpenLinks(false);
    setOpenExternalLinks(false);
    connect(this, &QTextBrowser::anchorClicked, this, [this](const QUrl &url) {
        bool ok = false;
        const QString fragment = url.fragment();
        if (fragment.startsWith(QLatin1String("try-"))) {
            const int index = fragment.mid(4).toInt(&ok);
            if (ok)
                tryIndex(index);
            return;
        }
        const int index = fragment.toInt(&ok);
        if (ok)
            activate(index);
    });
}

void PlanInsightsList::setInsights(const QList<PlanInsight> &insights)
{
    m_insights = insights;
    m_tryIndex.clear();
    render();
}

void PlanInsightsList::setTryIndex(const QList<int> &insights, bool enabled, const QString &reason)
{
    m_tryIndex = insights;
    m_tryEnabled = enabled;
    m_tryReason = reason;
    const int scroll = verticalScrollBar()->value();
    render();
    verticalScrollBar()->setValue(scroll);
}

void PlanInsightsList::tryIndex(int index)
{
    if (m_tryEnabled && m_tryIndex.contains(index))
        emit tryIndexRequested(index);
}

void PlanInsightsList::render()
{
    const QList<PlanInsight> &insights = m_insights;
    m_count = int(insights.size());
    m_nodes.clear();
    if (insights.isEmpty()) {
        setHtml(tr("<p style='color:gray'>No insights: nothing stands out.</p>"));
        return;
    }
    QString html = QStringLiteral("<style>a { text-decoration: none; color: palette(text); }"
                                  " p { margin-bottom: 6px; }</style>");
    // A huge plan can have a thousand; the list shows the costliest (each
    // node's details show its own, whatever their rank).
    for (const PlanInsight &insight :
        insights.first(std::min<qsizetype>(insights.size(), maxShown))) {
        html += QStringLiteral("<p><span style='color:%1'>●</span> <a href='#%2'><b>#%3 %4</b></a>"
                               "<br><span style='color:#5f6368'>%5</span></p>")
                    .arg(SeverityStyle::colourName(
                        insight.severity, palette().color(QPalette::Base).lightness() < 128))
                    .arg(m_nodes.size())
                    .arg(insight.node)
                    .arg(insight.title.toHtmlEscaped(), insight.detail.toHtmlEscaped());
        if (m_tryIndex.contains(int(m_nodes.size()))) {
            // A link is the insight's button; a disabled one says why, in
            // the text and as its tooltip.
            html.chop(4); // "</p>"
            html += m_tryEnabled
                ? QStringLiteral("<br><a href='#try-%1' style='color:%2'><b>%3</b></a>%4</p>")
                      .arg(m_nodes.size())
                      .arg(palette().color(QPalette::Link).name(), tr("Try an index ▸"),
                          m_tryReason.isEmpty()
                              ? QString()
                              : QStringLiteral(" <span style='color:gray'>%1</span>")
                                    .arg(m_tryReason.toHtmlEscaped()))
                : QStringLiteral("<br><span style='color:gray' title=\"%1\">%1</span></p>")
                      .arg(m_tryReason.toHtmlEscaped());
        }
        m_nodes << insight.node;
    }
    if (insights.size() > maxShown)
        html += tr("<p style='color:gray'>…and %1 more, less costly; each node's details list "
                   "its own.</p>")
                    .arg(insights.size() - maxShown);
    setHtml(html);
}

void PlanInsightsList::activate(int index)
{
    if (index >= 0 && index < m_nodes.size())
        emit nodeActivated(m_nodes.at(index));
}

} // namespace tusk::widgets
