#include "profiledetails.h"

#include "core/profiles/passwordkeeper.h"
#include "core/profiles/profileregistry.h"

#include "core/profiles/migrationspath.h"
#include "core/profiles/passwordsource.h"

namespace tusk::widgets {

using namespace core;

namespace {
QString libpqSource(const PasswordSource &source)
{
    switch (source.kind) {
    case PasswordSource::Kind::ProfileFile:
        return ProfileDetails::tr("the file, in plain text");
    case PasswordSource::Kind::Url:
        return ProfileDetails::tr("the connection URL");
    case PasswordSource::Kind::NotNeeded:
        return ProfileDetails::tr("not needed on the sandbox's socket");
    case PasswordSource::Kind::PassFile:
        return source.passFile;
    case PasswordSource::Kind::Nothing:
        break;
    }
    if (!source.passFileProblem.isEmpty())
        return ProfileDetails::tr("none stored; %1").arg(source.passFileProblem);
    return ProfileDetails::tr("none stored: Tusk asks when the server wants one");
}
} // namespace

ProfileDetails::ProfileDetails(core::ProfileRegistry *profiles, QWidget *parent)
    : QLabel(parent)
    , m_profiles(profiles)
{
    setObjectName(QStringLiteral("details"));
    setWordWrap(true);
    setAlignment(Qt::AlignTop | Qt::AlignLeft);
    setTextInteractionFlags(Qt::TextSelectableByMouse);
}

void ProfileDetails::showProfile(const std::optional<Profile> &profile)
{
    ++m_generation;
    m_profile = profile;
    if (!profile) {
        setText(tr("Select a profile to see where it points."));
        return;
    }
    const PasswordSource source = PasswordSource::of(*profile);
    m_passwordFrom = libpqSource(source);
    render();
    SecretStore *store = m_profiles->passwords()->secretStore();
    if (!store || !source.needsLookup())
        return;
    const quint64 generation = m_generation;
    store->read(SecretStore::keyFor(profile->connInfo()), this,
        [this, generation](const SecretResult &result) {
            if (generation != m_generation || !result.found())
                return;
            m_passwordFrom = m_profiles->passwords()->keychainName();
            render();
        });
}

void ProfileDetails::render()
{
    const Profile &p = *m_profile;
    const MigrationsPath migrations = MigrationsPath::resolve(m_profiles->store(), &p);
    QString html = QStringLiteral("<h3>%1</h3>").arg(p.name.toHtmlEscaped());
    if (!p.description.isEmpty())
        html += QStringLiteral("<p>%1</p>").arg(p.description.toHtmlEscaped());
    auto row = [&html](const QString &label, const QString &value) {
        if (!value.isEmpty())
            html += QStringLiteral("<tr><td><b>%1</b></td><td>%2</td></tr>")
                        .arg(label, value.toHtmlEscaped());
    };
    html += QStringLiteral("<table cellspacing=4>");
    row(tr("Connection"), p.connInfo().toDisplayString());
    row(tr("sslmode"), p.sslMode);
    row(tr("Password from"), m_passwordFrom);
    row(tr("Safety"), p.safety);
    row(tr("Session"), p.connInfo().value(QStringLiteral("options")));
    row(tr("Migrations"),
        migrations.path + (migrations.exists ? QString() : tr(" (missing)")) + QStringLiteral(" — ")
            + migrations.source);
    if (p.line > 0)
        row(tr("Defined in"), QStringLiteral("%1:%2").arg(p.filePath).arg(p.line));
    for (auto it = p.extra.begin(); it != p.extra.end(); ++it)
        row(it.key(), it.value().toString() + tr(" (kept)"));
    html += QStringLiteral("</table>");
    setText(html);
}

} // namespace tusk::widgets
