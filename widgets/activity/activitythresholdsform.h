#pragma once

#include "core/activity/activitythresholds.h"

#include <QWidget>

namespace tusk::widgets {

// The activity monitor's thresholds as a form: when a row is highlighted and
// when Tusk notifies. Shown in the page's Thresholds menu and in the
// Preferences; both write through core::Preferences, so each shows the
// other's change and the page applies it at once.
class ActivityThresholdsForm : public QWidget {
    Q_OBJECT
public:
    explicit ActivityThresholdsForm(QWidget *parent = nullptr);

    // The saved thresholds (defaults where none is saved).
    static core::ActivityThresholds saved();
    // True for the Preferences keys this form writes.
    static bool isThresholdKey(const QString &key);
};

} // namespace tusk::widgets
