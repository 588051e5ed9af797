#pragma once

#include <QFrame>

class QComboBox;
class QLabel;
class QPlainTextEdit;
class QPushButton;

namespace tusk::widgets {

// The Rollout page's inline confirmation (no modal dialog: the GUI thread
// never waits): what an action will do, a preview of the files it writes
// when it has one, an optional choice (a folder to use), and the button
// that does it. One question at a time; a new one replaces the last.
class RolloutConfirmBar : public QFrame {
    Q_OBJECT
public:
    explicit RolloutConfirmBar(QWidget *parent = nullptr);

    // `preview` is shown as plain text when not empty; `choices` as a list
    // to pick from when not empty (their tooltips in `tips`).
    void ask(const QString &question, const QString &button, const QString &preview = {},
        const QStringList &choices = {}, const QStringList &tips = {});
    int choice() const;
    QString question() const;
    QString preview() const;

signals:
    void confirmed();
    void cancelled();

private:
    QLabel *m_question;
    QPlainTextEdit *m_preview;
    QComboBox *m_choices;
    QPushButton *m_go;
};

} // namespace tusk::widgets
