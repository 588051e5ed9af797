#include "rolloutconfirmbar.h"

#include <QComboBox>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace tusk::widgets {

RolloutConfirmBar::RolloutConfirmBar(QWidget *parent)
    : QFrame(parent)
    , m_question(new QLabel(this))
    , m_preview(new QPlainTextEdit(this))
    , m_choices(new QComboBox(this))
    , m_go(new QPushButton(this))
{
    setObjectName(QStringLiteral("rolloutConfirm"));
    setFrameShape(QFrame::StyledPanel);
    m_question->setWordWrap(true);
    m_question->setObjectName(QStringLiteral("rolloutConfirmQuestion"));
    m_preview->setObjectName(QStringLiteral("rolloutPreview"));
    m_preview->setReadOnly(true);
    m_preview->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_preview->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_preview->setMaximumHeight(220);
    m_choices->setObjectName(QStringLiteral("rolloutChoices"));
    m_go->setObjectName(QStringLiteral("confirmRollout"));
    auto *cancel = new QPushButton(tr("Cancel"), this);
    auto *row = new QHBoxLayout;
    row->addWidget(m_question, 1);
    row->addWidget(m_choices, 1);
    row->addWidget(m_go);
    row->addWidget(cancel);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(row);
    layout->addWidget(m_preview);
    connect(m_go, &QPushButton::clicked, this, [this] {
        hide();
        emit confirmed();
    });
    connect(cancel, &QPushButton::clicked, this, [this] {
        hide();
        emit cancelled();
    });
    hide();
}

void RolloutConfirmBar::ask(const QString &question, const QString &button, const QString &preview,
    const QStringList &choices, const QStringList &tips)
{
    m_question->setText(question);
    m_go->setText(button);
    m_preview->setPlainText(preview);
    m_preview->setVisible(!preview.isEmpty());
    m_choices->clear();
    for (qsizetype i = 0; i < choices.size(); ++i) {
        m_choices->addItem(choices.at(i));
        m_choices->setItemData(int(i), tips.value(i), Qt::ToolTipRole);
    }
    m_choices->setVisible(!choices.isEmpty());
    show();
}

int RolloutConfirmBar::choice() const
{
    return m_choices->isHidden() ? -1 : m_choices->currentIndex();
}

QString RolloutConfirmBar::question() const
{
    return m_question->text();
}

QString RolloutConfirmBar::preview() const
{
    return m_preview->toPlainText();
}

} // namespace tusk::widgets
