#pragma once

#include "core/pg/connection.h"

#include <QObject>
#include <QPointer>

namespace tusk::widgets {

// Follows one Connection for a view: which connection, its name for people,
// the last error it reported, and one changed() signal for every state
// change, open, failure or loss. GUI thread.
class ConnectionObserver : public QObject {
    Q_OBJECT
public:
    explicit ConnectionObserver(QObject *parent = nullptr);

    void setConnection(core::Connection *connection, const QString &label);
    core::Connection *connection() const { return m_connection; }
    QString label() const { return m_label; }
    // The message of the last failure or loss; cleared when the connection
    // opens. Full (with DETAIL/HINT) or the message line only.
    QString lastError(bool full = false) const { return full ? m_fullError : m_error; }

signals:
    void changed();

private:
    QPointer<core::Connection> m_connection;
    QString m_label;
    QString m_error;
    QString m_fullError;
};

} // namespace tusk::widgets
