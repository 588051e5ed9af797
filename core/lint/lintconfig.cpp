#include "lintconfig.h"

#include "rule.h"
#include "suppressions.h"

#include "core/profiles/tomltext.h"

#include <QDir>
#include <QFile>
#include <QStandardPaths>

#include <toml++/toml.h>

#include <algorithm>

namespace tusk::core {

std::optional<LintConfig> LintConfig::read(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.exists())
        return LintConfig();
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("%1: %2").arg(path, file.errorString());
        return std::nullopt;
    }
    return parse(file.readAll(), path, error);
}

std::optional<LintConfig> LintConfig::parse(
    const QByteArray &toml, const QString &name, QString *error)
{
    toml::table root;
    try {
        root = toml::parse(std::string_view(toml.constData(), size_t(toml.size())));
    } catch (const toml::parse_error &e) {
        *error =
            QStringLiteral("%1:%2: %3")
                .arg(name)
                .arg(e.source().begin.line)
                .arg(QString::fromUtf8(e.description().data(), qsizetype(e.description().size())));
        return std::nullopt;
    }
    LintConfig config;
    const toml::node *rules = root.get("rules");
    if (!rules)
        return config;
    const toml::table *table = rules->as_table();
    if (!table) {
        *error = QStringLiteral("%1: [rules] must be a table of rule = \"level\"").arg(name);
        return std::nullopt;
    }
    for (const auto &[key, value] : *table) {
        const QString id = QString::fromUtf8(key.data(), qsizetype(key.length()));
        const std::optional<std::string_view> level = value.value<std::string_view>();
        const QString text =
            level ? QString::fromUtf8(level->data(), qsizetype(level->size())) : QString();
        if (text == QLatin1String("off")) {
            config.rules.insert(id, std::nullopt);
            continue;
        }
        const std::optional<Severity> severity = severityFromName(text);
        if (!severity) {
            *error =
                QStringLiteral("%1:%2: %3 = must be \"error\", \"warning\", \"info\" or \"off\"")
                    .arg(name)
                    .arg(value.source().begin.line)
                    .arg(id);
            return std::nullopt;
        }
        config.rules.insert(id, severity);
    }
    return config;
}

QByteArray LintConfig::toToml() const
{
    QStringList ids = rules.keys();
    std::sort(ids.begin(), ids.end());
    QString out = QStringLiteral(
        "# Tusk's lint rules: error, warning, info or off (tusk lint --list-rules).\n"
        "[rules]\n");
    for (const QString &id : ids) {
        const std::optional<Severity> level = rules.value(id);
        // TomlText quotes and escapes a key only as TOML needs.
        out += TomlText::keyText(id) + QStringLiteral(" = ")
            + TomlText::stringLiteral(level ? severityName(*level) : QStringLiteral("off"))
            + QLatin1Char('\n');
    }
    return out.toUtf8();
}

LintConfig LintConfig::overlaidWith(const LintConfig &over) const
{
    LintConfig out = *this;
    for (auto it = over.rules.cbegin(); it != over.rules.cend(); ++it)
        out.rules.insert(it.key(), it.value());
    return out;
}

void LintConfig::applyTo(LintOptions &options) const
{
    for (auto it = rules.cbegin(); it != rules.cend(); ++it) {
        // A former id (require-timeout-settings) stands for the rules it
        // became, as in --exclude and ignore comments.
        for (const QString &id : Suppressions::canonicalIds(it.key())) {
            if (it.value())
                options.severities.insert(id, *it.value());
            else
                options.excludedRules.insert(id);
        }
    }
}

QStringList LintConfig::unknownRules(const QStringList &known) const
{
    QStringList out;
    for (auto it = rules.cbegin(); it != rules.cend(); ++it) {
        const QStringList ids = Suppressions::canonicalIds(it.key());
        if (std::any_of(
                ids.cbegin(), ids.cend(), [&](const QString &id) { return !known.contains(id); }))
            out << it.key();
    }
    std::sort(out.begin(), out.end());
    return out;
}

QString LintConfig::userPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation)
        + QStringLiteral("/tusk/lint.toml");
}

QString LintConfig::projectPath(const QString &projectRoot)
{
    return projectRoot.isEmpty() ? QString()
                                 : QDir(projectRoot).filePath(QStringLiteral(".tusk-lint.toml"));
}

LintConfig LintConfig::effective(const QString &projectRoot, QStringList *errors)
{
    LintConfig out;
    for (const QString &path : {userPath(), projectPath(projectRoot)}) {
        if (path.isEmpty())
            continue;
        QString error;
        if (const std::optional<LintConfig> config = read(path, &error))
            out = out.overlaidWith(*config);
        else if (errors)
            *errors << error;
    }
    return out;
}

} // namespace tusk::core
