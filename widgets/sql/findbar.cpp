#include "findbar.h"

#include "sqleditor.h"

#include <QCheckBox>
#include <QGridLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>

namespace tusk::widgets {

FindBar::FindBar(SqlEditor *editor, QWidget *parent)
    : QWidget(parent)
    , m_editor(editor)
    , m_find(new QLineEdit(this))
    , m_replace(new QLineEdit(this))
    , m_regex(new QCheckBox(tr("Regex"), this))
    , m_case(new QCheckBox(tr("Match case"), this))
    , m_word(new QCheckBox(tr("Whole words"), this))
    , m_status(new QLabel(this))
{
    setObjectName(QStringLiteral("findBar"));
    m_find->setPlaceholderText(tr("Find"));
    m_replace->setPlaceholderText(tr("Replace with"));
    m_find->setClearButtonEnabled(true);
    auto *next = new QPushButton(tr("Next"), this);
    auto *previous = new QPushButton(tr("Previous"), this);
    auto *replace = new QPushButton(tr("Replace"), this);
    auto *replaceAllButton = new QPushButton(tr("Replace all"), this);
    auto *close = new QPushButton(tr("Close"), this);
    auto *layout = new QGridLayout(this);
    layout->setContentsMargins(4, 2, 4, 2);
    layout->addWidget(m_find, 0, 0);
    layout->addWidget(next, 0, 1);
    layout->addWidget(previous, 0, 2);
    layout->addWidget(m_regex, 0, 3);
    layout->addWidget(m_case, 0, 4);
    layout->addWidget(m_word, 0, 5);
    layout->addWidget(m_status, 0, 6);
    layout->addWidget(close, 0, 7);
    layout->addWidget(m_replace, 1, 0);
    layout->addWidget(replace, 1, 1);
    layout->addWidget(replaceAllButton, 1, 2);
    layout->setColumnStretch(6, 1);
    m_replaceWidgets = {m_replace, replace, replaceAllButton};

    for (QLineEdit *field : {m_find, m_replace})
        field->installEventFilter(this);
    connect(next, &QPushButton::clicked, this, [this] { findNext(); });
    connect(previous, &QPushButton::clicked, this, [this] { findNext(true); });
    connect(replace, &QPushButton::clicked, this, &FindBar::replaceOne);
    connect(replaceAllButton, &QPushButton::clicked, this, &FindBar::replaceAll);
    connect(close, &QPushButton::clicked, this, [this] {
        hide();
        m_editor->setFocus();
    });
    // Typing finds as you go, from where the search began.
    connect(m_find, &QLineEdit::textEdited, this, [this] {
        const auto [from, to] = m_editor->selectionRange();
        m_editor->SendScintilla(QsciScintillaBase::SCI_GOTOPOS, std::min(from, to));
        find(false, false);
    });
    hide();
}

void FindBar::setReplaceVisible(bool visible)
{
    for (QWidget *widget : std::as_const(m_replaceWidgets))
        widget->setVisible(visible);
}

void FindBar::showFind(bool withReplace)
{
    QString seed = m_editor->selectedText();
    if (seed.isEmpty() || seed.contains(QLatin1Char('\n')))
        seed = m_editor->wordAtLineIndex(m_editor->lineOfPosition(m_editor->caretPosition()),
            int(m_editor->SendScintilla(
                QsciScintillaBase::SCI_GETCOLUMN, m_editor->caretPosition())));
    if (!seed.isEmpty() && !seed.contains(QLatin1Char('\n')))
        m_find->setText(seed);
    setReplaceVisible(withReplace);
    show();
    m_find->setFocus();
    m_find->selectAll();
}

bool FindBar::find(bool backward, bool fromTop)
{
    const QString expression = m_find->text();
    if (expression.isEmpty()) {
        m_status->clear();
        return false;
    }
    int line = -1, index = -1;
    if (fromTop) {
        line = 0;
        index = 0;
    } else if (backward && m_editor->hasSelectedText()) {
        // Start before the current match, or it is found again.
        int lineFrom, indexFrom, lineTo, indexTo;
        m_editor->getSelection(&lineFrom, &indexFrom, &lineTo, &indexTo);
        line = lineFrom;
        index = indexFrom;
    }
    const bool found = m_editor->findFirst(expression, m_regex->isChecked(), m_case->isChecked(),
        m_word->isChecked(), !fromTop, !backward, line, index, true, false, true);
    m_status->setText(found ? QString() : tr("Not found"));
    return found;
}

bool FindBar::findNext(bool backward)
{
    return find(backward, false);
}

bool FindBar::replaceOne()
{
    // The selection must be a match of the current search before it is replaced.
    if (!m_editor->hasSelectedText()) {
        return findNext();
    }
    const auto [from, to] = m_editor->selectionRange();
    m_editor->SendScintilla(QsciScintillaBase::SCI_GOTOPOS, std::min(from, to));
    if (!find(false, false))
        return false;
    m_editor->replace(m_replace->text());
    return findNext();
}

int FindBar::replaceAll()
{
    if (m_find->text().isEmpty())
        return 0;
    int count = 0;
    m_editor->beginUndoAction();
    bool found = find(false, true);
    while (found) {
        m_editor->replace(m_replace->text());
        ++count;
        // Without wrapping, the search ends at the bottom of the text.
        found = m_editor->findNext();
    }
    m_editor->endUndoAction();
    m_status->setText(tr("%n replaced", nullptr, count));
    return count;
}

QString FindBar::statusText() const
{
    return m_status->text();
}

bool FindBar::eventFilter(QObject *watched, QEvent *event)
{
    const bool key = event->type() == QEvent::KeyPress || event->type() == QEvent::ShortcutOverride;
    if (!key)
        return QWidget::eventFilter(watched, event);
    auto *press = static_cast<QKeyEvent *>(event);
    // Escape closes the bar here; the tab's Esc (cancel the run) must not see it.
    if (press->key() == Qt::Key_Escape) {
        event->accept();
        if (event->type() == QEvent::KeyPress) {
            hide();
            m_editor->setFocus();
        }
        return true;
    }
    if (event->type() == QEvent::KeyPress
        && (press->key() == Qt::Key_Return || press->key() == Qt::Key_Enter)) {
        if (watched == m_replace)
            replaceOne();
        else
            findNext(press->modifiers() & Qt::ShiftModifier);
        return true;
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace tusk::widgets
