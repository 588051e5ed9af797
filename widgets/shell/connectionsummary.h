#pragma once

#include <QWidget>

class QFormLayout;
class QLabel;
class QPushButton;

namespace tusk::core {
class Connection;
}

namespace tusk::widgets {

class ConnectionObserver;

// What the window is connected to: server, version, database, user and the
// settings read on connect, or why there is no connection, with a button to
// try again. Fills itself from the Connection's signals; never queries.
// GUI thread.
class ConnectionSummary : public QWidget {
    Q_OBJECT
public:
    explicit ConnectionSummary(QWidget *parent = nullptr);

    void setConnection(core::Connection *connection, const QString &label);
    // The value shown for a row ("Version", "Database", ...); for tests.
    QString field(const QString &name) const;

private:
    void refresh();
    void setField(const QString &name, const QString &value);

    ConnectionObserver *m_observer;
    int m_shownBackend = 0; // the session whose rows are shown, 0 for none
    QLabel *m_heading;
    QLabel *m_message;
    QFormLayout *m_form;
    QPushButton *m_reconnect;
};

} // namespace tusk::widgets
