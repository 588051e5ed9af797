#pragma once

#include "core/plan/planreader.h"

#include <QDialog>

class QLabel;
class QPlainTextEdit;

namespace tusk::widgets {

// Pasting a plan: the text in any format Tusk reads (auto-detected), read
// when the user accepts. A plan that does not read keeps the dialog open
// with the error and the caret where reading stopped; nothing typed is lost.
class PlanPasteDialog : public QDialog {
    Q_OBJECT
public:
    explicit PlanPasteDialog(QWidget *parent = nullptr);

    void setText(const QString &text);
    QPlainTextEdit *editor() const { return m_editor; }
    QString errorText() const;
    // Valid after accept().
    const core::PlanReader::Result &result() const { return m_result; }

    void accept() override;

private:
    QPlainTextEdit *m_editor;
    QLabel *m_format;
    QLabel *m_error;
    core::PlanReader::Result m_result;
};

} // namespace tusk::widgets
