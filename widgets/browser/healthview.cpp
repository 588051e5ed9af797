#include "healthview.h"

#include "sqlviewer.h"

#include <QApplication>
#include <QClipboard>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSplitter>
#include <QStyle>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace tusk::widgets {

using namespace tusk::core;

HealthView::HealthView(QWidget *parent)
    : QWidget(parent)
    , m_list(new QTreeWidget(this))
    , m_evidence(new QLabel(this))
    , m_fix(new SqlViewer(this))
    , m_fixButtons(new QWidget(this))
{
    m_list->setObjectName(QStringLiteral("healthList"));
    m_list->setHeaderLabels({tr("Finding"), tr("Object"), tr("What")});
    m_list->setRootIsDecorated(false);
    m_list->setUniformRowHeights(true);
    m_list->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_list->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_evidence->setWordWrap(true);
    m_evidence->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_evidence->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_evidence->setObjectName(QStringLiteral("healthEvidence"));
    m_fix->setObjectName(QStringLiteral("healthFix"));

    auto *copy = new QPushButton(tr("Copy fix"), m_fixButtons);
    auto *open = new QPushButton(tr("Open in editor"), m_fixButtons);
    open->setObjectName(QStringLiteral("openFixInEditor"));
    auto *buttons = new QHBoxLayout(m_fixButtons);
    buttons->setContentsMargins(0, 0, 0, 0);
    buttons->addStretch();
    buttons->addWidget(copy);
    buttons->addWidget(open);
    connect(copy, &QPushButton::clicked, this,
        [this] { QApplication::clipboard()->setText(shownFix()); });
    connect(open, &QPushButton::clicked, this, [this] { emit openInEditor(shownFix()); });
    // Shown only once something (the SQL editor) takes the SQL.
    open->setVisible(false);

    auto *details = new QWidget(this);
    auto *detailsLayout = new QVBoxLayout(details);
    detailsLayout->setContentsMargins(0, 0, 0, 0);
    detailsLayout->addWidget(m_evidence);
    detailsLayout->addWidget(m_fix, 1);
    detailsLayout->addWidget(m_fixButtons);
    auto *split = new QSplitter(Qt::Vertical, this);
    split->addWidget(m_list);
    split->addWidget(details);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(split);

    connect(m_list, &QTreeWidget::currentItemChanged, this, [this](QTreeWidgetItem *item) {
        showFinding(item ? m_list->indexOfTopLevelItem(item) : -1);
    });
    connect(m_list, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem *item) {
        const int row = m_list->indexOfTopLevelItem(item);
        if (row >= 0 && row < m_findings.size())
            emit openObject(m_findings.at(row).object, m_findings.at(row).relationOid);
    });
    showFinding(-1);
}

void HealthView::setFindings(const QList<HealthFinding> &findings)
{
    m_findings = findings;
    m_list->clear();
    QList<QTreeWidgetItem *> items;
    for (const HealthFinding &f : findings) {
        auto *item = new QTreeWidgetItem({f.check, f.objectName, f.message});
        const QStyle::StandardPixmap icon = f.severity == Severity::Error
            ? QStyle::SP_MessageBoxCritical
            : f.severity == Severity::Warning ? QStyle::SP_MessageBoxWarning
                                              : QStyle::SP_MessageBoxInformation;
        item->setIcon(0, style()->standardIcon(icon));
        item->setToolTip(2, f.message);
        items << item;
    }
    m_list->addTopLevelItems(items);
    if (!items.isEmpty())
        m_list->setCurrentItem(items.first());
    else
        showFinding(-1);
}

void HealthView::setEditorAvailable(bool available)
{
    if (auto *open = m_fixButtons->findChild<QPushButton *>(QStringLiteral("openFixInEditor")))
        open->setVisible(available);
}

void HealthView::select(int row)
{
    if (QTreeWidgetItem *item = m_list->topLevelItem(row))
        m_list->setCurrentItem(item);
}

QString HealthView::shownFix() const
{
    return m_fix->text();
}

void HealthView::showFinding(int row)
{
    if (row < 0 || row >= m_findings.size()) {
        m_evidence->setText(m_findings.isEmpty() ? tr("No findings.") : QString());
        m_fix->setSql(QString());
        m_fixButtons->setEnabled(false);
        return;
    }
    const HealthFinding &f = m_findings.at(row);
    QString text =
        QStringLiteral("<b>%1</b><br>%2")
            .arg(f.message.toHtmlEscaped(),
                f.evidence.toHtmlEscaped().replace(QLatin1Char('\n'), QStringLiteral("<br>")));
    if (!f.fixNote.isEmpty())
        text +=
            QStringLiteral("<br><i>%1</i>")
                .arg(f.fixNote.toHtmlEscaped().replace(QLatin1Char('\n'), QStringLiteral("<br>")));
    m_evidence->setText(text);
    m_fix->setSql(f.fix.isEmpty() ? tr("-- nothing to fix: this finding informs") : f.fix);
    m_fixButtons->setEnabled(!f.fix.isEmpty());
}

} // namespace tusk::widgets
