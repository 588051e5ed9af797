#include "sessionactionpanel.h"

#include "core/activity/blockingtree.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QRegularExpression>
#include <QSpinBox>
#include <QVBoxLayout>

#include <algorithm>

namespace tusk::widgets {

using core::SessionAction;

SessionActionPanel::SessionActionPanel(QWidget *parent)
    : QFrame(parent)
    , m_title(new QLabel(this))
    , m_cards(new QLabel(this))
    , m_total(new QLabel(this))
    , m_graceLabel(new QLabel(tr("Terminate after"), this))
    , m_grace(new QSpinBox(this))
    , m_confirm(new QPushButton(this))
    , m_close(new QPushButton(tr("Keep them"), this))
{
    setObjectName(QStringLiteral("sessionActionPanel"));
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);
    m_title->setTextFormat(Qt::PlainText);
    QFont bold = m_title->font();
    bold.setBold(true);
    m_title->setFont(bold);
    m_cards->setTextFormat(Qt::RichText);
    m_cards->setWordWrap(true);
    m_cards->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_total->setTextFormat(Qt::PlainText);
    m_grace->setRange(1, 600);
    m_grace->setValue(5);
    m_grace->setSuffix(tr(" s if still there"));
    m_confirm->setObjectName(QStringLiteral("confirmSessionAction"));

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_graceLabel);
    buttons->addWidget(m_grace);
    buttons->addStretch(1);
    buttons->addWidget(m_close);
    buttons->addWidget(m_confirm);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_title);
    layout->addWidget(m_cards);
    layout->addWidget(m_total);
    layout->addLayout(buttons);

    connect(m_confirm, &QPushButton::clicked, this,
        [this] { emit confirmed(m_kind, m_pids, m_grace->value()); });
    connect(m_close, &QPushButton::clicked, this, &QWidget::hide);
    hide();
}

void SessionActionPanel::propose(SessionAction::Kind kind, const QList<int> &pids,
    const core::ActivitySample &sample, const QString &serverKey, const QString &why)
{
    m_kind = kind;
    m_pids.clear();
    const core::BlockingTree tree = core::BlockingTree::build(sample);
    QStringList cards;
    for (int pid : pids) {
        const SessionAction::Card card = SessionAction::card(sample, tree, pid, serverKey);
        QString html = QStringLiteral("<b>%1</b>").arg(pid);
        if (!card.refusal.isEmpty()) {
            html += QStringLiteral(" — <i>%1</i>")
                        .arg(tr("left alone: %1").arg(card.refusal).toHtmlEscaped());
        } else {
            m_pids << pid;
            for (const QString &fact : card.facts)
                html += QStringLiteral("<br>&nbsp;&nbsp;") + fact.toHtmlEscaped();
        }
        cards << html;
    }
    m_releases = tree.releasedBy(m_pids);
    if (pids.isEmpty()) {
        m_title->setText(tr("No session matches (%1).").arg(why));
        m_cards->clear();
        m_total->clear();
        m_graceLabel->hide();
        m_grace->hide();
        m_confirm->hide();
        m_close->setText(tr("Close"));
        return show();
    }
    const QString verb = kind == SessionAction::Kind::Cancel ? tr("Cancel the query of")
        : kind == SessionAction::Kind::Terminate             ? tr("Terminate")
                                                             : tr("Cancel, then terminate");
    m_title->setText(
        tr("%1 %n session(s) (%2, as of %3)?", nullptr, int(pids.size()))
            .arg(verb, why, sample.takenAt.toLocalTime().toString(QStringLiteral("HH:mm:ss"))));
    m_cards->setText(cards.join(QStringLiteral("<br>")));
    m_total->setText(m_pids.isEmpty()
            ? tr("Tusk will not act on any of them.")
            : tr("Together they would release %n blocked session(s), by the blocking tree.",
                nullptr, m_releases));
    const bool grace = kind == SessionAction::Kind::CancelThenTerminate;
    m_graceLabel->setVisible(grace);
    m_grace->setVisible(grace);
    m_confirm->setText(kind == SessionAction::Kind::Cancel
            ? tr("Cancel %n query(s)", nullptr, int(m_pids.size()))
            : kind == SessionAction::Kind::Terminate
            ? tr("Terminate %n session(s)", nullptr, int(m_pids.size()))
            : tr("Cancel, then terminate %n", nullptr, int(m_pids.size())));
    m_confirm->setVisible(true);
    m_confirm->setEnabled(!m_pids.isEmpty());
    m_close->setText(tr("Keep them"));
    show();
}

void SessionActionPanel::showRunning()
{
    m_confirm->setEnabled(false);
    m_total->setText(tr("Working…"));
}

void SessionActionPanel::showResults(const QStringList &results)
{
    // Core's result lines say ": refused" when the server or Tusk would not
    // act; a title of "Done" above only refusals would say the opposite.
    const auto refused = std::count_if(results.cbegin(), results.cend(),
        [](const QString &line) { return line.contains(QLatin1String(": refused")); });
    m_title->setText(refused == 0 ? tr("Done (also in the audit log)")
            : refused == results.size()
            ? tr("Refused (also in the audit log)")
            : tr("Done, %n refused (also in the audit log)", nullptr, int(refused)));
    QStringList lines;
    for (const QString &line : results)
        lines << line.toHtmlEscaped();
    m_cards->setText(lines.join(QStringLiteral("<br>")));
    m_total->clear();
    m_graceLabel->hide();
    m_grace->hide();
    m_confirm->hide();
    m_close->setText(tr("Close"));
    show();
}

QString SessionActionPanel::cardText() const
{
    QString text = m_cards->text();
    text.replace(QLatin1String("<br>"), QLatin1String("\n"));
    text.replace(QLatin1String("&nbsp;"), QLatin1String(" "));
    text.remove(QRegularExpression(QStringLiteral("<[^>]*>")));
    text.replace(QLatin1String("&lt;"), QLatin1String("<"))
        .replace(QLatin1String("&gt;"), QLatin1String(">"))
        .replace(QLatin1String("&quot;"), QLatin1String("\""))
        .replace(QLatin1String("&amp;"), QLatin1String("&"));
    return m_title->text() + QLatin1Char('\n') + text + QLatin1Char('\n') + m_total->text();
}

} // namespace tusk::widgets
