#pragma once

#include "core/lint/finding.h"

#include <Qsci/qsciscintilla.h>

namespace tusk::widgets {

class PgSqlLexer;

// The SQL text of one editor tab: PostgreSQL highlighting, line numbers,
// folding, brace matching, and the lint findings drawn where they are:
// a squiggle on each finding's exact bytes, a marker in the margin by
// severity, and a tooltip with the message, the lock and what it blocks,
// and the online alternative.
//
// Positions are bytes of the UTF-8 text, as Scintilla keeps it and as the
// lint engine reports them, so findings land without any conversion.
// Findings belong to one revision of the text (revision() counts every
// change); edits made since move the squiggles with the text.
class SqlEditor : public QsciScintilla {
    Q_OBJECT
public:
    explicit SqlEditor(QWidget *parent = nullptr);

    // The text as the lint engine and the server get it, copied straight
    // from Scintilla's buffer (no QString in between).
    QByteArray bytes() const;
    quint64 revision() const { return m_revision; }

    // Findings of the text at `revision`; ignored when the text has
    // changed since (a newer lint is on its way).
    bool setFindings(quint64 revision, const QList<core::Finding> &findings);
    const QList<core::Finding> &findings() const { return m_findings; }
    // The finding drawn at byte `position` (the worst when several), or -1.
    int findingAt(int position) const;
    // Every finding at byte `position`, worst first: by their linted ranges
    // while the text is as linted, else by what is drawn there.
    QList<int> findingsAt(int position) const;
    bool findingsAreCurrent() const { return m_findingsRevision == m_revision; }
    // Selects the finding's bytes and scrolls to them.
    void goToFinding(int index);
    // The finding's rewrite, as one undoable edit. False when it has none
    // or the text changed since the lint.
    bool applyFix(int index);
    // The tooltip for byte `position`: every finding drawn there, worst
    // first, with its lock and alternative; empty when none.
    QString toolTipAt(int position) const;
    // Comments the selected lines out with "-- ", or back in when all are.
    void toggleComment();

    // Byte positions of the caret and of the selection (equal when none).
    int caretPosition() const;
    std::pair<int, int> selectionRange() const;
    // Underlines the token at byte `position` (an error the server
    // reported while running) with `message` as its tooltip, and shows it.
    void markRunError(int position, const QString &message);
    void clearRunError();
    // The underlined bytes [begin, end), or {-1, -1}.
    std::pair<int, int> runErrorRange() const;
    // The word (identifier, keyword, number) at `position`, or its one
    // character when it is punctuation.
    std::pair<int, int> tokenAt(int position) const;

    // The server's keywords (pg_get_keywords(), lower case) instead of the
    // grammar's; highlighting follows at once.
    void setKeywords(const QStringList &words);

    PgSqlLexer *sqlLexer() const { return m_lexer; }
    // The line (0-based) of a byte position; and back.
    int lineOfPosition(int position) const;
    // The indicator number drawn for a severity.
    static int indicatorFor(core::Severity severity);

protected:
    // Lets Escape reach the tab's Cancel shortcut unless a completion list
    // or call tip is open (Scintilla would swallow it otherwise).
    bool event(QEvent *event) override;
    void changeEvent(QEvent *event) override;

signals:
    // The findings shown changed (set, or cleared by setFindings).
    void findingsChanged();

public:
    // The Preferences' font over the system's fixed font.
    static QFont editorFont();

private:
    // Font, colours and tab width from the palette and the Preferences.
    void applyLook();
    void defineMarks();
    void showTipAt(int position, int x, int y);
    QString tipFor(const core::Finding &finding) const;

    PgSqlLexer *m_lexer;
    quint64 m_revision = 0;
    quint64 m_findingsRevision = 0;
    QString m_runError;
    QList<core::Finding> m_findings;
};

} // namespace tusk::widgets
