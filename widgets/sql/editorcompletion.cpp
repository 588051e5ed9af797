#include "editorcompletion.h"

#include "sqleditor.h"

#include "core/sql/sqlkeywords.h"

#include <cctype>

namespace tusk::widgets {

using namespace tusk::core;

namespace {
constexpr int kAutoAfterLetters = 3;
}

EditorCompletion::EditorCompletion(SqlEditor *editor)
    : QObject(editor)
    , m_editor(editor)
{
    for (const SqlKeywords::Keyword &keyword : SqlKeywords::all())
        m_keywords << keyword.word.toUpper();
    m_editor->SendScintilla(QsciScintillaBase::SCI_AUTOCSETSEPARATOR, long('\n'));
    m_editor->SendScintilla(QsciScintillaBase::SCI_AUTOCSETIGNORECASE, true);
    // Our ranking (columns and tables first), not alphabetical.
    m_editor->SendScintilla(QsciScintillaBase::SCI_AUTOCSETORDER, 2 /* SC_ORDER_CUSTOM */);
    m_editor->SendScintilla(QsciScintillaBase::SCI_AUTOCSETMAXHEIGHT, 12);
    m_editor->SendScintilla(QsciScintillaBase::SCI_AUTOCSETCANCELATSTART, false);
    connect(m_editor, &QsciScintillaBase::SCN_CHARADDED, this, &EditorCompletion::charAdded);
}

SqlCompletion::Result EditorCompletion::candidates() const
{
    return SqlCompletion::complete(
        m_editor->bytes(), m_editor->caretPosition(), m_catalog, m_keywords);
}

bool EditorCompletion::completeNow(bool typed)
{
    const SqlCompletion::Result result = candidates();
    if (result.items.isEmpty()
        || (typed && result.items.size() == 1 && result.items.first().text == result.prefix)) {
        m_editor->SendScintilla(QsciScintillaBase::SCI_AUTOCCANCEL);
        return false;
    }
    QStringList texts;
    texts.reserve(result.items.size());
    for (const auto &item : result.items)
        texts << item.text;
    const QByteArray list = texts.join(QLatin1Char('\n')).toUtf8();
    const QByteArray prefix = result.prefix.toUtf8();
    m_editor->SendScintilla(QsciScintillaBase::SCI_AUTOCSHOW, prefix.size(), list.constData());
    return true;
}

void EditorCompletion::charAdded(int character)
{
    if (m_editor->isListActive())
        return;
    if (character == '.') {
        completeNow(true);
        return;
    }
    if (!(std::isalnum(character) || character == '_'))
        return;
    // The third letter of a word opens the list; later ones filter it.
    // Read back from the caret only: no copy of a big file per keystroke.
    auto byteAt = [this](long position) {
        return char(m_editor->SendScintilla(QsciScintillaBase::SCI_GETCHARAT, position));
    };
    const long caret = m_editor->caretPosition();
    long begin = caret;
    int letters = 0;
    while (begin > 0 && letters <= kAutoAfterLetters
        && (std::isalnum(uchar(byteAt(begin - 1))) || byteAt(begin - 1) == '_')) {
        --begin;
        ++letters;
    }
    const bool wordBefore = begin > 0 && uchar(byteAt(begin - 1)) >= 0x80;
    if (letters == kAutoAfterLetters && !wordBefore && !std::isdigit(uchar(byteAt(begin))))
        completeNow(true);
}

} // namespace tusk::widgets
