#pragma once

#include "core/preferences/preferences.h"

#include "core/pg/queryrunner.h"

#include "core/plan/explaincommand.h"

#include <QElapsedTimer>
#include <QTimer>
#include <QWidget>

class QAction;
class QCheckBox;
class QLabel;
class QSpinBox;
class QToolButton;

namespace tusk::widgets {

// The row above an editor: run the statement (Ctrl+Enter) or the script
// (F5), explain it with the options of the button's menu (F7), cancel (Esc), commit and roll back,
// the read-only switch, the session's transaction state and, while a run lasts, its elapsed time
// ticking. It follows a QueryRunner; the tab decides what runs.
class RunToolbar : public QWidget {
    Q_OBJECT
public:
    explicit RunToolbar(core::QueryRunner *runner, QWidget *parent = nullptr);

    QAction *runStatementAction() const { return m_runStatement; }
    QAction *runScriptAction() const { return m_runScript; }
    QAction *cancelAction() const { return m_cancel; }
    QAction *explainAction() const { return m_explain; }
    // The options ticked in the Explain button's menu.
    core::ExplainOptions explainOptions() const;
    void setExplainOptions(const core::ExplainOptions &options);
    QString transactionText() const;
    QString elapsedText() const;
    QCheckBox *readOnlyBox() const { return m_readOnly; }
    // Rows kept per result set (0: all), remembered across runs of Tusk.
    QSpinBox *rowCapBox() const { return m_rowCap; }
    static constexpr int kDefaultRowCap = core::Preferences::defaultRowCap;
    // "production" shows as a red tag so nobody forgets where they are.
    void setTarget(const QString &label, bool production);

signals:
    void runStatementRequested();
    void runScriptRequested();
    void explainRequested();

private:
    void refresh();
    void tick();
    QToolButton *makeExplainButton();

    core::QueryRunner *m_runner;
    QAction *m_runStatement;
    QAction *m_runScript;
    QAction *m_explain;
    QList<QAction *> m_explainOptions;
    QAction *m_cancel;
    QAction *m_commit;
    QAction *m_rollback;
    QCheckBox *m_readOnly;
    QSpinBox *m_rowCap;
    QLabel *m_transaction;
    QLabel *m_elapsed;
    QLabel *m_target;
    QTimer m_ticker;
};

} // namespace tusk::widgets
