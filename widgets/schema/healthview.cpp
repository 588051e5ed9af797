#include "healthview.h"

#include "healthfindingsmodel.h"
#include "sqlviewer.h"

#include <QApplication>
#include <QClipboard>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSplitter>
#include <QTreeView>
#include <QVBoxLayout>

namespace tusk::widgets {

using namespace tusk::core;

HealthView::HealthView(QWidget *parent)
    : QWidget(parent)
    , m_model(new HealthFindingsModel(this))
    , m_list(new QTreeView(this))
    , m_evidence(new QLabel(this))
    , m_fix(new SqlViewer(this))
    , m_fixButtons(new QWidget(this))
{
    m_list->setObjectName(QStringLiteral("healthList"));
    m_list->setModel(m_model);
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

    connect(m_list->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
        [this](
            const QModelIndex &current) { showFinding(current.isValid() ? current.row() : -1); });
    connect(m_list, &QTreeView::activated, this, [this](const QModelIndex &index) {
        const QList<HealthFinding> &findings = m_model->findings();
        if (index.isValid() && index.row() < findings.size())
            emit openObject(findings.at(index.row()).object, findings.at(index.row()).relationOid);
    });
    showFinding(-1);
}

void HealthView::setFindings(const QList<HealthFinding> &findings, bool checked)
{
    m_checked = checked;
    m_model->setFindings(findings);
    if (!findings.isEmpty())
        m_list->setCurrentIndex(m_model->index(0, 0));
    else
        showFinding(-1);
}

int HealthView::count() const
{
    return m_model->rowCount();
}

void HealthView::setEditorAvailable(bool available)
{
    if (auto *open = m_fixButtons->findChild<QPushButton *>(QStringLiteral("openFixInEditor")))
        open->setVisible(available);
}

void HealthView::select(int row)
{
    if (row >= 0 && row < m_model->rowCount())
        m_list->setCurrentIndex(m_model->index(row, 0));
}

QString HealthView::shownFix() const
{
    return m_fix->text();
}

void HealthView::showFinding(int row)
{
    const QList<HealthFinding> &findings = m_model->findings();
    if (row < 0 || row >= findings.size()) {
        m_evidence->setText(!findings.isEmpty() ? QString()
                : m_checked                     ? tr("No findings.")
                            : tr("Checking health: the definitions are being read…"));
        m_fix->setSql(QString());
        m_fixButtons->setEnabled(false);
        return;
    }
    const HealthFinding &f = findings.at(row);
    QString text =
        QStringLiteral("<b>%1</b><br>%2")
            .arg(f.message.toHtmlEscaped(),
                f.evidence.toHtmlEscaped().replace(QLatin1Char('\n'), QStringLiteral("<br>")));
    if (!f.fixNote.isEmpty())
        text +=
            QStringLiteral("<br><i>%1</i>")
                .arg(f.fixNote.toHtmlEscaped().replace(QLatin1Char('\n'), QStringLiteral("<br>")));
    if (!f.rollback.isEmpty())
        text += tr("<br>Rollback: <code>%1</code>").arg(f.rollback.toHtmlEscaped());
    m_evidence->setText(text);
    m_fix->setSql(f.fix.isEmpty() ? tr("-- nothing to fix: this finding informs") : f.fix);
    m_fixButtons->setEnabled(!f.fix.isEmpty());
}

} // namespace tusk::widgets
