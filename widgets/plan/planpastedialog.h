#pragma once

#include "core/plan/planreader.h"

#include <QDialog>

class QLabel;
class QPlainTextEdit;

namespace tusk::widgets {

// Pasting a plan: the text in any format Tusk reads (auto-detected), read
// when the user accepts. Text holding several plans is accepted when any of
// them reads. When none does, the dialog stays open with the first error
// and the caret where reading stopped; nothing typed is lost.
class PlanPasteDialog : public QDialog {
    Q_OBJECT
public:
    explicit PlanPasteDialog(QWidget *parent = nullptr);

    void setText(const QString &text);
    QPlainTextEdit *editor() const { return m_editor; }
    QString errorText() const;
    // Every plan of the text, valid after accept(); the page opens the ones
    // that read and offers a choice when there are several.
    const QList<core::PlanReader::Result> &results() const { return m_results; }

    void accept() override;

private:
    QPlainTextEdit *m_editor;
    QLabel *m_format;
    QLabel *m_error;
    QList<core::PlanReader::Result> m_results;
};

} // namespace tusk::widgets
