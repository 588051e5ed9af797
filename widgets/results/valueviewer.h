#pragma once

#include <QDialog>

class QPlainTextEdit;

namespace tusk::widgets {

// The whole of one cell: long text unwrapped from the grid's one line,
// JSON indented, NULL said as such. Read-only; the text can be selected
// and copied.
class ValueViewer : public QDialog {
    Q_OBJECT
public:
    ValueViewer(const QString &title, const QString &value, bool json, QWidget *parent = nullptr);

    QString shownText() const;
    // JSON indented, or the value as it is when it is not JSON.
    static QString indentedJson(const QString &value, bool *isJson = nullptr);

private:
    QPlainTextEdit *m_text;
};

} // namespace tusk::widgets
