#include "connectionsummary.h"

#include "connectionobserver.h"

#include "core/pg/connection.h"

#include <QFormLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace tusk::widgets {

using core::Connection;

namespace {
// Settings worth seeing at a glance, in the order shown.
const char *const shownSettings[][2] = {
    {"server_encoding", "Encoding"},
    {"TimeZone", "Time zone"},
    {"max_connections", "max_connections"},
    {"lock_timeout", "lock_timeout"},
    {"statement_timeout", "statement_timeout"},
    {"shared_preload_libraries", "Preloaded libraries"},
};
// pg_settings gives timeouts in bare milliseconds, 0 meaning none.
QString settingText(const core::ServerInfo &server, const QString &name)
{
    const QString value = server.setting(name);
    if (!name.endsWith(QLatin1String("_timeout")))
        return value;
    return value == QLatin1String("0") ? ConnectionSummary::tr("off")
                                       : ConnectionSummary::tr("%1 ms").arg(value);
}
} // namespace

ConnectionSummary::ConnectionSummary(QWidget *parent)
    : QWidget(parent)
    , m_observer(new ConnectionObserver(this))
    , m_heading(new QLabel(this))
    , m_message(new QLabel(this))
    , m_form(new QFormLayout)
    , m_reconnect(new QPushButton(tr("Reconnect"), this))
{
    QFont headingFont = m_heading->font();
    headingFont.setPointSizeF(headingFont.pointSizeF() * 1.4);
    headingFont.setWeight(QFont::DemiBold);
    m_heading->setFont(headingFont);
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_form->setLabelAlignment(Qt::AlignRight);
    m_form->setHorizontalSpacing(16);
    m_reconnect->setEnabled(false);
    connect(m_reconnect, &QPushButton::clicked, this, [this] {
        if (Connection *connection = m_observer->connection())
            connection->reconnect();
    });
    connect(m_observer, &ConnectionObserver::changed, this, &ConnectionSummary::refresh);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_reconnect);
    buttons->addStretch();

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(32, 24, 32, 24);
    layout->addWidget(m_heading);
    layout->addWidget(m_message);
    layout->addSpacing(8);
    layout->addLayout(m_form);
    layout->addSpacing(8);
    layout->addLayout(buttons);
    layout->addStretch();
    refresh();
}

void ConnectionSummary::setConnection(Connection *connection, const QString &label)
{
    m_observer->setConnection(connection, label);
}

QString ConnectionSummary::field(const QString &name) const
{
    for (int row = 0; row < m_form->rowCount(); ++row) {
        auto *label = qobject_cast<QLabel *>(m_form->itemAt(row, QFormLayout::LabelRole)->widget());
        auto *value = qobject_cast<QLabel *>(m_form->itemAt(row, QFormLayout::FieldRole)->widget());
        if (label && value && label->text() == name + QLatin1Char(':'))
            return value->text();
    }
    return {};
}

void ConnectionSummary::setField(const QString &name, const QString &value)
{
    auto *valueLabel = new QLabel(value.isEmpty() ? QStringLiteral("—") : value, this);
    valueLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_form->addRow(name + QLatin1Char(':'), valueLabel);
}

void ConnectionSummary::refresh()
{
    const Connection *connection = m_observer->connection();
    const QString error = m_observer->lastError(true);
    const Connection::State state =
        connection ? connection->state() : Connection::State::Disconnected;
    m_reconnect->setEnabled(
        connection && !connection->connInfo().isEmpty() && state != Connection::State::Connecting);
    // Every query flips Ready and Busy; the rows of an open session stay as
    // they are, so nothing flickers and a selection survives.
    const bool open = state == Connection::State::Ready || state == Connection::State::Busy;
    if (open && m_shownBackend == connection->server().backendPid)
        return;
    while (m_form->rowCount() > 0)
        m_form->removeRow(0);
    m_shownBackend = open ? connection->server().backendPid : 0;
    // Server text is shown as it is, never as markup.
    m_message->setTextFormat(open || !connection ? Qt::RichText : Qt::PlainText);
    if (!connection) {
        m_heading->setText(tr("Not connected"));
        m_message->setText(tr("Pick a profile and press Connect, or add one. Without profiles, "
                              "<code>tusk sandbox start</code> makes a local server with a "
                              "demo database."));
        return;
    }
    const core::ServerInfo &s = connection->server();
    switch (state) {
    case Connection::State::Ready:
    case Connection::State::Busy:
        m_heading->setText(tr("Connected to %1").arg(s.database));
        m_message->setText(
            tr("Through the profile <b>%1</b>.").arg(m_observer->label().toHtmlEscaped()));
        setField(tr("Server"), connection->connInfo().toDisplayString());
        setField(tr("Version"), QStringLiteral("PostgreSQL ") + s.version);
        setField(tr("Database"), s.database);
        setField(tr("User"), s.user + (s.isSuperuser() ? tr(" (superuser)") : QString()));
        setField(tr("Backend PID"), QString::number(s.backendPid));
        setField(tr("Role"), s.inRecovery ? tr("standby (read only)") : tr("primary"));
        for (const auto &[key, title] : shownSettings)
            setField(QLatin1String(title), settingText(s, QLatin1String(key)));
        break;
    case Connection::State::Connecting:
        m_heading->setText(tr("Connecting…"));
        m_message->setText(connection->connInfo().toDisplayString());
        break;
    case Connection::State::Lost:
        m_heading->setText(tr("Connection lost"));
        m_message->setText(
            tr("Reconnecting to %1…\n%2").arg(connection->connInfo().toDisplayString(), error));
        break;
    case Connection::State::Disconnected:
        m_heading->setText(tr("Not connected"));
        m_message->setText(error.isEmpty() ? connection->connInfo().toDisplayString() : error);
        break;
    }
}

} // namespace tusk::widgets
