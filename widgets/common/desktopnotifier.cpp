#include "desktopnotifier.h"

#include <QDBusConnection>
#include <QDBusMessage>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>
#include <QVariantMap>

namespace tusk::widgets {

namespace {
const char *const service = "org.freedesktop.Notifications";
}

DesktopNotifier::DesktopNotifier(QObject *parent)
    : QObject(parent)
{
}

bool DesktopNotifier::available() const
{
    return QDBusConnection::sessionBus().isConnected();
}

void DesktopNotifier::notify(const QString &title, const QString &text)
{
    if (!available())
        return emit delivered(false, tr("no session bus"));
    QDBusMessage call = QDBusMessage::createMethodCall(QLatin1String(service),
        QStringLiteral("/org/freedesktop/Notifications"), QLatin1String(service),
        QStringLiteral("Notify"));
    // Notify(app_name, replaces_id, app_icon, summary, body, actions, hints, expire_timeout)
    call << QStringLiteral("Tusk") << uint(0) << QStringLiteral("tusk") << title << text
         << QStringList() << QVariantMap() << int(-1);
    auto *watcher =
        new QDBusPendingCallWatcher(QDBusConnection::sessionBus().asyncCall(call), this);
    connect(watcher, &QDBusPendingCallWatcher::finished, this, [this](QDBusPendingCallWatcher *w) {
        const QDBusPendingReply<uint> reply = *w;
        emit delivered(!reply.isError(), reply.isError() ? reply.error().message() : QString());
        w->deleteLater();
    });
}

} // namespace tusk::widgets
