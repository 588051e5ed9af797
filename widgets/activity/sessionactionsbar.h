#pragma once

#include "core/activity/activitysample.h"
#include "core/activity/sessionaction.h"
#include "core/pg/conninfo.h"

#include <QWidget>

#include <functional>

class QComboBox;
class QSpinBox;
class QToolButton;

namespace tusk::widgets {

class SessionActionPanel;

// The Activity page's actions (issue 24, point 8): cancel, terminate, or
// cancel then terminate the selected sessions, or every session a rule
// picks ("idle in transaction for at least 10 min in database shop").
// Each goes through SessionActionPanel's cards first; the action itself is
// core's SessionAction, on a session of its own, recorded in the audit log.
class SessionActionsBar : public QWidget {
    Q_OBJECT
public:
    explicit SessionActionsBar(QWidget *parent = nullptr);

    // The panel the cards appear in; the page places it.
    SessionActionPanel *panel() const { return m_panel; }
    void setTarget(const core::ConnInfo &info) { m_target = info; }
    void setSample(const core::ActivitySample &sample);
    // The pids selected in the grid, asked for when a button is pressed.
    void setSelection(std::function<QList<int>()> selected) { m_selected = std::move(selected); }
    // Shows the cards for ending `pids`.
    void propose(core::SessionAction::Kind kind, const QList<int> &pids, const QString &why);
    // The rule's sessions in the latest sample.
    QList<int> ruleMatches() const;
    void setRule(const QString &state, int minutes, const QString &database);

signals:
    // An action finished: the page samples again to show what changed.
    void acted(const QStringList &results);

private:
    void proposeSelected(core::SessionAction::Kind kind);
    void proposeRule(core::SessionAction::Kind kind);
    void run(core::SessionAction::Kind kind, const QList<int> &pids, int graceSeconds);

    SessionActionPanel *m_panel;
    core::ConnInfo m_target;
    core::ActivitySample m_sample;
    std::function<QList<int>()> m_selected;
    QWidget *m_ruleRow;
    QComboBox *m_ruleState;
    QSpinBox *m_ruleMinutes;
    QComboBox *m_ruleDatabase;
    QList<QToolButton *> m_selectionButtons;
};

} // namespace tusk::widgets
