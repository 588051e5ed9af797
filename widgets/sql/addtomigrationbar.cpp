#include "addtomigrationbar.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>

namespace tusk::widgets {

AddToMigrationBar::AddToMigrationBar(QWidget *parent)
    : QFrame(parent)
    , m_text(new QLabel(this))
    , m_add(new QPushButton(tr("Add to Migration"), this))
{
    setObjectName(QStringLiteral("addToMigrationBar"));
    setFrameShape(QFrame::StyledPanel);
    m_add->setObjectName(QStringLiteral("addToMigration"));
    m_add->setToolTip(tr("Append these statements to the latest pending migration file; its "
                         "CHANGELOG entry follows"));
    auto *dismiss = new QPushButton(tr("Dismiss"), this);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(6, 2, 6, 2);
    layout->addWidget(m_text, 1);
    layout->addWidget(m_add);
    layout->addWidget(dismiss);
    connect(m_add, &QPushButton::clicked, this, [this] {
        hide();
        emit addRequested(m_statements);
    });
    connect(dismiss, &QPushButton::clicked, this, &QWidget::hide);
    hide();
}

void AddToMigrationBar::offer(const QByteArray &statements, int count)
{
    m_statements = statements;
    m_text->setText(count == 1
            ? tr("The structure changed. Add the statement that ran to the migration?")
            : tr("The structure changed. Add the %1 statements that ran to the migration?")
                  .arg(count));
    show();
}

} // namespace tusk::widgets
