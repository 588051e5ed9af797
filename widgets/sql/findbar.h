#pragma once

#include <QWidget>

class QCheckBox;
class QLabel;
class QLineEdit;

namespace tusk::widgets {

class SqlEditor;

// Find and replace under an editor (Ctrl+F, Ctrl+H): plain text or a
// regular expression (ECMAScript syntax, \1 in the replacement), case and
// whole words as asked, wrapping around; Replace all is one undo step.
// Enter finds the next match, Shift+Enter the one before, Esc closes the
// bar and gives the editor its focus back.
class FindBar : public QWidget {
    Q_OBJECT
public:
    explicit FindBar(SqlEditor *editor, QWidget *parent = nullptr);

    // Shows the bar with the selection (or the word at the caret) to find.
    void showFind(bool withReplace);
    bool findNext(bool backward = false);
    // Replaces the current match and finds the next one.
    bool replaceOne();
    // Every match from the top; returns how many.
    int replaceAll();

    QLineEdit *findField() const { return m_find; }
    QLineEdit *replaceField() const { return m_replace; }
    QCheckBox *regexBox() const { return m_regex; }
    QCheckBox *caseBox() const { return m_case; }
    QCheckBox *wordBox() const { return m_word; }
    QString statusText() const;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    bool find(bool backward, bool fromTop);
    void setReplaceVisible(bool visible);

    SqlEditor *m_editor;
    QLineEdit *m_find;
    QLineEdit *m_replace;
    QCheckBox *m_regex;
    QCheckBox *m_case;
    QCheckBox *m_word;
    QLabel *m_status;
    QList<QWidget *> m_replaceWidgets;
};

} // namespace tusk::widgets
