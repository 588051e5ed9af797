#pragma once

#include <QObject>

namespace tusk::widgets {

// Says something on the desktop (a notification bubble) through the
// freedesktop.org notification service on the session bus, asynchronously:
// the call is sent and forgotten, never waited for. Without a session bus
// or a notification service, available() is false and the caller shows
// the same text in its own window (the Activity page always does).
class DesktopNotifier : public QObject {
    Q_OBJECT
public:
    explicit DesktopNotifier(QObject *parent = nullptr);

    bool available() const;
    void notify(const QString &title, const QString &text);

signals:
    // The service answered (true) or refused / was missing (false).
    void delivered(bool ok, const QString &error);
};

} // namespace tusk::widgets
