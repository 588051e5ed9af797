#include "activitythresholdsform.h"

#include "core/preferences/preferences.h"

#include <QCheckBox>
#include <QFormLayout>
#include <QSignalBlocker>
#include <QSpinBox>

namespace tusk::widgets {

using core::Preferences;

namespace {
// The settings keys, in seconds.
const char *const kLongQuery = "activity/longQuerySeconds";
const char *const kIdleInTransaction = "activity/idleInTransactionSeconds";
const char *const kBlockedAlert = "activity/blockedAlertSeconds";
const char *const kIdleAlert = "activity/idleAlertSeconds";
} // namespace

core::ActivityThresholds ActivityThresholdsForm::saved()
{
    const Preferences *preferences = Preferences::instance();
    core::ActivityThresholds t;
    const auto seconds = [preferences](const char *key, qint64 otherwise) {
        return preferences->activitySeconds(QLatin1String(key), otherwise / 1000) * 1000;
    };
    t.longQueryMs = seconds(kLongQuery, t.longQueryMs);
    t.idleInTransactionMs = seconds(kIdleInTransaction, t.idleInTransactionMs);
    t.blockedAlertMs = seconds(kBlockedAlert, t.blockedAlertMs);
    t.idleAlertMs = seconds(kIdleAlert, t.idleAlertMs);
    t.notify = preferences->activityNotify(t.notify);
    return t;
}

bool ActivityThresholdsForm::isThresholdKey(const QString &key)
{
    return key == QLatin1String(kLongQuery) || key == QLatin1String(kIdleInTransaction)
        || key == QLatin1String(kBlockedAlert) || key == QLatin1String(kIdleAlert)
        || key == QLatin1String(Preferences::activityNotifyKey);
}

ActivityThresholdsForm::ActivityThresholdsForm(QWidget *parent)
    : QWidget(parent)
{
    auto *layout = new QFormLayout(this);
    const core::ActivityThresholds t = saved();
    const auto seconds = [this, layout](const char *key, qint64 ms, const QString &label) {
        auto *box = new QSpinBox(this);
        box->setObjectName(QLatin1String(key).mid(9)); // "longQuerySeconds"…
        box->setRange(1, 24 * 3600);
        box->setSuffix(tr(" s"));
        box->setValue(int(ms / 1000));
        layout->addRow(label, box);
        connect(box, &QSpinBox::valueChanged, this, [key](int value) {
            Preferences::instance()->setActivitySeconds(QLatin1String(key), value);
        });
        // Set in the other form: show it here.
        connect(Preferences::instance(), &Preferences::changed, box, [box, key](const QString &k) {
            if (k != QLatin1String(key))
                return;
            const QSignalBlocker quiet(box);
            box->setValue(int(Preferences::instance()->activitySeconds(k, box->value())));
        });
    };
    seconds(kLongQuery, t.longQueryMs, tr("Highlight a query running longer than"));
    seconds(kIdleInTransaction, t.idleInTransactionMs, tr("Highlight idle in transaction after"));
    seconds(kBlockedAlert, t.blockedAlertMs, tr("Notify when a session has waited on a lock"));
    seconds(kIdleAlert, t.idleAlertMs, tr("Notify when idle in transaction for"));
    auto *notify = new QCheckBox(tr("Desktop notifications"), this);
    notify->setObjectName(QStringLiteral("notify"));
    notify->setChecked(t.notify);
    layout->addRow(notify);
    connect(notify, &QCheckBox::toggled, this,
        [](bool on) { Preferences::instance()->setActivityNotify(on); });
    connect(Preferences::instance(), &Preferences::changed, notify, [notify](const QString &k) {
        if (k != QLatin1String(Preferences::activityNotifyKey))
            return;
        const QSignalBlocker quiet(notify);
        notify->setChecked(Preferences::instance()->activityNotify(notify->isChecked()));
    });
}

} // namespace tusk::widgets
