#include "connectionsummary.h"

#include "pg/connection.h"

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
        if (m_connection)
            m_connection->reconnect();
    });

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
    if (m_connection)
        m_connection->disconnect(this);
    m_connection = connection;
    m_label = label;
    m_error.clear();
    if (connection) {
        connect(connection, &Connection::stateChanged, this, &ConnectionSummary::refresh);
        connect(connection, &Connection::opened, this, [this] {
            m_error.clear();
            refresh();
        });
        connect(connection, &Connection::openFailed, this, [this](const core::PgError &e) {
            m_error = e.toString();
            refresh();
        });
        connect(connection, &Connection::lost, this, [this](const core::PgError &e) {
            m_error = e.toString();
            refresh();
        });
    }
    refresh();
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
    while (m_form->rowCount() > 0)
        m_form->removeRow(0);
    const Connection::State state =
        m_connection ? m_connection->state() : Connection::State::Disconnected;
    m_reconnect->setEnabled(m_connection && !m_connection->connInfo().isEmpty()
        && state != Connection::State::Connecting);
    if (!m_connection) {
        m_heading->setText(tr("Not connected"));
        m_message->setText(tr("Start the sandbox with <code>tusk sandbox start</code> and open "
                              "Tusk with <code>tusk --sandbox</code>, or pass "
                              "<code>--db postgresql://…</code>."));
        return;
    }
    const core::ServerInfo &s = m_connection->server();
    switch (state) {
    case Connection::State::Ready:
    case Connection::State::Busy:
        m_heading->setText(tr("Connected to %1").arg(s.database));
        m_message->setText(tr("Through the profile <b>%1</b>.").arg(m_label.toHtmlEscaped()));
        setField(tr("Server"), m_connection->connInfo().toDisplayString());
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
        m_message->setText(m_connection->connInfo().toDisplayString());
        break;
    case Connection::State::Lost:
        m_heading->setText(tr("Connection lost"));
        m_message->setText(
            tr("Reconnecting to %1…\n%2").arg(m_connection->connInfo().toDisplayString(), m_error));
        break;
    case Connection::State::Disconnected:
        m_heading->setText(tr("Not connected"));
        m_message->setText(
            m_error.isEmpty() ? m_connection->connInfo().toDisplayString() : m_error);
        break;
    }
}

} // namespace tusk::widgets
