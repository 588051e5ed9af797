#pragma once

#include <QWidget>

class QLabel;

namespace tusk::core {
class Connection;
}

namespace tusk::widgets {

class ConnectionObserver;

// Status-bar badge for the window's connection: a coloured dot and one line
// ("tusk_demo · postgres@sandbox · PostgreSQL 15.18", "Connecting…",
// "Connection lost, reconnecting…"). Follows the Connection's signals only.
// GUI thread.
class ConnectionStatus : public QWidget {
    Q_OBJECT
public:
    explicit ConnectionStatus(QWidget *parent = nullptr);

    void setConnection(core::Connection *connection, const QString &label);
    QString text() const;

private:
    void refresh();

    ConnectionObserver *m_observer;
    QLabel *m_dot;
    QLabel *m_text;
    QString m_fullText;
};

} // namespace tusk::widgets
