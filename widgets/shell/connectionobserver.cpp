#include "connectionobserver.h"

#include "core/pg/connection.h"

namespace tusk::widgets {

using core::Connection;

ConnectionObserver::ConnectionObserver(QObject *parent)
    : QObject(parent)
{
}

void ConnectionObserver::setConnection(Connection *connection, const QString &label)
{
    if (m_connection)
        m_connection->disconnect(this);
    m_connection = connection;
    m_label = label;
    m_error.clear();
    m_fullError.clear();
    if (connection) {
        const auto failedWith = [this](const core::PgError &error) {
            m_error = error.message;
            m_fullError = error.toString();
            emit changed();
        };
        connect(connection, &Connection::stateChanged, this, &ConnectionObserver::changed);
        connect(connection, &Connection::opened, this, [this] {
            m_error.clear();
            m_fullError.clear();
            emit changed();
        });
        connect(connection, &Connection::openFailed, this, failedWith);
        connect(connection, &Connection::lost, this, failedWith);
    }
    emit changed();
}

} // namespace tusk::widgets
