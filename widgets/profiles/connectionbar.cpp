#include "connectionbar.h"

#include "core/profiles/profileregistry.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>

namespace tusk::widgets {

using core::Profile;

namespace {
const QColor productionColour(0xc0, 0x39, 0x2b);
}

ConnectionBar::ConnectionBar(core::ProfileRegistry *registry, QWidget *parent)
    : QWidget(parent)
    , m_registry(registry)
    , m_profiles(new QComboBox(this))
    , m_badge(new QLabel(this))
    , m_connect(new QPushButton(tr("Connect"), this))
{
    m_profiles->setObjectName(QStringLiteral("profileCombo"));
    m_profiles->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_profiles->setMinimumContentsLength(24);
    m_badge->setObjectName(QStringLiteral("safetyBadge"));
    m_connect->setObjectName(QStringLiteral("connectButton"));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(6, 2, 6, 2);
    auto *label = new QLabel(tr("&Profile:"), this);
    label->setBuddy(m_profiles);
    layout->addWidget(label);
    layout->addWidget(m_profiles);
    layout->addWidget(m_badge);
    layout->addWidget(m_connect);
    layout->addStretch();

    connect(m_registry, &core::ProfileRegistry::changed, this, &ConnectionBar::rebuild);
    connect(m_profiles, &QComboBox::currentIndexChanged, this, &ConnectionBar::updateBadge);
    connect(m_connect, &QPushButton::clicked, this, [this] {
        if (const auto p = m_registry->find(currentProfileName()))
            emit connectRequested(*p);
    });
    rebuild();
}

QString ConnectionBar::currentProfileName() const
{
    return m_profiles->currentData().toString();
}

void ConnectionBar::setActiveProfile(const QString &name)
{
    m_active = name;
    const int index = m_profiles->findData(name);
    if (index >= 0)
        m_profiles->setCurrentIndex(index);
}

void ConnectionBar::rebuild()
{
    const QString keep = currentProfileName().isEmpty() ? m_active : currentProfileName();
    const QSignalBlocker blocker(m_profiles);
    m_profiles->clear();
    for (const Profile &p : m_registry->profiles()) {
        QString text = p.name + QStringLiteral(" — ") + p.connInfo().toDisplayString();
        if (p.scope == core::ProfileScope::OneOff)
            text += tr("  (one-off, not saved)");
        m_profiles->addItem(text, p.name);
        const int index = m_profiles->count() - 1;
        if (p.isProduction()) {
            m_profiles->setItemData(index, productionColour, Qt::ForegroundRole);
            m_profiles->setItemText(index, text + tr("  [production]"));
        }
        m_profiles->setItemData(index, p.description, Qt::ToolTipRole);
    }
    const int index = m_profiles->findData(keep);
    m_profiles->setCurrentIndex(index >= 0 ? index : 0);
    m_connect->setEnabled(m_profiles->count() > 0);
    updateBadge();
}

void ConnectionBar::updateBadge()
{
    const auto p = m_registry->find(currentProfileName());
    const QString safety = p ? p->safety : QString();
    m_badge->setVisible(!safety.isEmpty());
    m_badge->setText(QStringLiteral(" %1 ").arg(safety.toUpper()));
    const QColor colour =
        p && p->isProduction() ? productionColour : palette().color(QPalette::Mid);
    m_badge->setStyleSheet(
        QStringLiteral("QLabel { color: white; background: %1; border-radius: 3px; "
                       "font-weight: bold; }")
            .arg(colour.name()));
}

} // namespace tusk::widgets
