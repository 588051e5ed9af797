#pragma once

#include "core/activity/activitysample.h"
#include "core/activity/sessionaction.h"

#include <QFrame>

class QLabel;
class QPushButton;
class QSpinBox;

namespace tusk::widgets {

// The confirmation for cancelling or terminating sessions (issue 24,
// point 8), shown inside the Activity page rather than as a modal dialog,
// so the grid keeps refreshing while the user reads it. One card per
// session (core's SessionAction::card: state, transaction age, backend
// type, anti-wraparound autovacuum, walsender, superuser, how many
// sessions it would release), then the total the blocking tree says the
// whole action would release. Confirming emits confirmed(); the page runs
// the action and hands the results back to showResults().
class SessionActionPanel : public QFrame {
    Q_OBJECT
public:
    explicit SessionActionPanel(QWidget *parent = nullptr);

    // Shows the cards for ending `pids` as of `sample`; `why` says how
    // they were picked ("selected", "idle in transaction ≥ 10 min in shop").
    void propose(core::SessionAction::Kind kind, const QList<int> &pids,
        const core::ActivitySample &sample, const QString &serverKey, const QString &why);
    void showRunning();
    void showResults(const QStringList &results);

    core::SessionAction::Kind kind() const { return m_kind; }
    QList<int> pids() const { return m_pids; } // those Tusk may act on
    QString cardText() const; // what the cards say, as plain text
    QPushButton *confirmButton() const { return m_confirm; }
    int releases() const { return m_releases; }

signals:
    void confirmed(tusk::core::SessionAction::Kind kind, const QList<int> &pids, int graceSeconds);

private:
    core::SessionAction::Kind m_kind = core::SessionAction::Kind::Cancel;
    QList<int> m_pids;
    int m_releases = 0;
    QLabel *m_title;
    QLabel *m_cards;
    QLabel *m_total;
    QLabel *m_graceLabel;
    QSpinBox *m_grace;
    QPushButton *m_confirm;
    QPushButton *m_close;
};

} // namespace tusk::widgets
