#include "planpastedialog.h"

#include "core/plan/psqloutput.h"

#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTextBlock>
#include <QVBoxLayout>

#include <algorithm>

namespace tusk::widgets {

using namespace tusk::core;

PlanPasteDialog::PlanPasteDialog(QWidget *parent)
    : QDialog(parent)
    , m_editor(new QPlainTextEdit(this))
    , m_format(new QLabel(this))
    , m_error(new QLabel(this))
{
    setWindowTitle(tr("Paste a plan"));
    resize(760, 520);
    m_editor->setObjectName(QStringLiteral("planPasteText"));
    m_editor->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_editor->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_editor->setPlaceholderText(
        tr("EXPLAIN output as JSON, text, YAML or XML, straight from psql or any tool."));
    m_format->setObjectName(QStringLiteral("planPasteFormat"));
    m_error->setObjectName(QStringLiteral("planPasteError"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("QLabel { color: #b00020; }"));
    m_error->hide();

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Show plan"));
    connect(buttons, &QDialogButtonBox::accepted, this, &PlanPasteDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &PlanPasteDialog::reject);
    connect(m_editor, &QPlainTextEdit::textChanged, this, [this] {
        m_error->hide();
        const QString text = m_editor->toPlainText();
        m_format->setText(text.trimmed().isEmpty()
                ? QString()
                : tr("Looks like %1.")
                      .arg(planFormatName(PlanReader::detect(PsqlOutput::unwrap(text).text()))
                               .toUpper()));
    });

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_editor, 1);
    layout->addWidget(m_format);
    layout->addWidget(m_error);
    layout->addWidget(buttons);
}

void PlanPasteDialog::setText(const QString &text)
{
    m_editor->setPlainText(text);
}

QString PlanPasteDialog::errorText() const
{
    return m_error->isVisible() || !m_error->text().isEmpty() ? m_error->text() : QString();
}

void PlanPasteDialog::accept()
{
    m_results = PlanReader::readAll(m_editor->toPlainText());
    const bool anyRead = std::any_of(
        m_results.cbegin(), m_results.cend(), [](const PlanReader::Result &r) { return r.ok(); });
    if (anyRead) {
        m_error->clear();
        QDialog::accept();
        return;
    }
    const PlanParseError &error = m_results.front().error;
    m_error->setText(m_results.size() > 1 ? tr("None of the %1 plans reads. The first: %2")
                                                .arg(m_results.size())
                                                .arg(error.toString())
                                          : error.toString());
    m_error->show();
    if (error.line > 0) {
        const QTextBlock block = m_editor->document()->findBlockByNumber(error.line - 1);
        if (block.isValid()) {
            QTextCursor cursor(block);
            cursor.movePosition(QTextCursor::Right, QTextCursor::MoveAnchor,
                std::clamp(error.column - 1, 0, int(block.length()) - 1));
            m_editor->setTextCursor(cursor);
            m_editor->centerCursor();
        }
    }
    m_editor->setFocus();
}

} // namespace tusk::widgets
