#include "connectionstatus.h"

#include "connectionobserver.h"

#include "core/pg/connection.h"

#include <QHBoxLayout>
#include <QLabel>

namespace tusk::widgets {

using core::Connection;

namespace {
constexpr int maxTextWidth = 560;
} // namespace

ConnectionStatus::ConnectionStatus(QWidget *parent)
    : QWidget(parent)
    , m_observer(new ConnectionObserver(this))
    , m_dot(new QLabel(this))
    , m_text(new QLabel(this))
{
    setObjectName(QStringLiteral("connectionStatus"));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(4, 0, 4, 0);
    layout->setSpacing(6);
    m_dot->setText(QStringLiteral("●"));
    layout->addWidget(m_dot);
    layout->addWidget(m_text);
    connect(m_observer, &ConnectionObserver::changed, this, &ConnectionStatus::refresh);
    refresh();
}

void ConnectionStatus::setConnection(Connection *connection, const QString &label)
{
    m_observer->setConnection(connection, label);
}

QString ConnectionStatus::text() const
{
    return m_text->text();
}

void ConnectionStatus::refresh()
{
    QString text;
    QColor color(0x9e, 0x9e, 0x9e);
    const Connection *connection = m_observer->connection();
    const QString &label = m_observer->label();
    const QString error = m_observer->lastError();
    const Connection::State state =
        connection ? connection->state() : Connection::State::Disconnected;
    switch (state) {
    case Connection::State::Ready:
    case Connection::State::Busy: {
        const core::ServerInfo &s = connection->server();
        text = tr("%1 · %2@%3 · PostgreSQL %4")
                   .arg(s.database, s.user, label, s.version.section(QLatin1Char(' '), 0, 0));
        color =
            state == Connection::State::Busy ? QColor(0xf0, 0xa0, 0x20) : QColor(0x2e, 0xa0, 0x43);
        break;
    }
    case Connection::State::Connecting:
        text = tr("Connecting to %1…").arg(label);
        color = QColor(0xf0, 0xa0, 0x20);
        break;
    case Connection::State::Lost:
        text = tr("Connection to %1 lost, reconnecting… (%2)").arg(label, error);
        color = QColor(0xd0, 0x30, 0x30);
        break;
    case Connection::State::Disconnected:
        text = connection && !error.isEmpty() ? tr("Not connected to %1: %2").arg(label, error)
                                              : tr("Not connected");
        color = error.isEmpty() ? color : QColor(0xd0, 0x30, 0x30);
        break;
    }
    // A palette change, not a style sheet: this runs twice per query
    // (Ready, Busy, Ready) and a style sheet would re-polish every time.
    QPalette palette = m_dot->palette();
    palette.setColor(QPalette::WindowText, color);
    m_dot->setPalette(palette);
    // A long error (socket paths, libpq's details) must not widen the window.
    m_text->setText(m_text->fontMetrics().elidedText(text, Qt::ElideMiddle, maxTextWidth));
    // The whole sentence on the whole badge (dot and line) when the line is elided.
    setToolTip(
        connection ? text + QLatin1Char('\n') + connection->connInfo().toDisplayString() : text);
    m_fullText = text;
}

} // namespace tusk::widgets
