#include "connectionstatus.h"

#include "pg/connection.h"

#include <QHBoxLayout>
#include <QLabel>

namespace tusk::widgets {

using core::Connection;

ConnectionStatus::ConnectionStatus(QWidget *parent)
    : QWidget(parent)
    , m_dot(new QLabel(this))
    , m_text(new QLabel(this))
{
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(4, 0, 4, 0);
    layout->setSpacing(6);
    layout->addWidget(m_dot);
    layout->addWidget(m_text);
    refresh();
}

void ConnectionStatus::setConnection(Connection *connection, const QString &label)
{
    if (m_connection)
        m_connection->disconnect(this);
    m_connection = connection;
    m_label = label;
    m_lastError.clear();
    if (connection) {
        connect(connection, &Connection::stateChanged, this, &ConnectionStatus::refresh);
        connect(connection, &Connection::opened, this, [this] {
            m_lastError.clear();
            refresh();
        });
        connect(connection, &Connection::openFailed, this, [this](const core::PgError &e) {
            m_lastError = e.message;
            refresh();
        });
        connect(connection, &Connection::lost, this, [this](const core::PgError &e) {
            m_lastError = e.message;
            refresh();
        });
    }
    refresh();
}

QString ConnectionStatus::text() const
{
    return m_text->text();
}

void ConnectionStatus::refresh()
{
    QString text;
    QColor color(0x9e, 0x9e, 0x9e);
    const Connection::State state =
        m_connection ? m_connection->state() : Connection::State::Disconnected;
    switch (state) {
    case Connection::State::Ready:
    case Connection::State::Busy: {
        const core::ServerInfo &s = m_connection->server();
        text = tr("%1 · %2@%3 · PostgreSQL %4")
                   .arg(s.database, s.user, m_label, s.version.section(QLatin1Char(' '), 0, 0));
        color =
            state == Connection::State::Busy ? QColor(0xf0, 0xa0, 0x20) : QColor(0x2e, 0xa0, 0x43);
        break;
    }
    case Connection::State::Connecting:
        text = tr("Connecting to %1…").arg(m_label);
        color = QColor(0xf0, 0xa0, 0x20);
        break;
    case Connection::State::Lost:
        text = tr("Connection to %1 lost, reconnecting… (%2)").arg(m_label, m_lastError);
        color = QColor(0xd0, 0x30, 0x30);
        break;
    case Connection::State::Disconnected:
        text = m_connection && !m_lastError.isEmpty()
            ? tr("Not connected to %1: %2").arg(m_label, m_lastError)
            : tr("Not connected");
        color = m_lastError.isEmpty() ? color : QColor(0xd0, 0x30, 0x30);
        break;
    }
    m_dot->setText(QStringLiteral("●"));
    m_dot->setStyleSheet(QStringLiteral("color: %1;").arg(color.name()));
    m_text->setText(text);
    m_text->setToolTip(m_connection ? m_connection->connInfo().toDisplayString() : QString());
}

} // namespace tusk::widgets
