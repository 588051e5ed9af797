#include "preferences.h"

#include "core/files/userfilewriter.h"
#include "core/profiles/projectlocator.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QSettings>
#include <QStandardPaths>

#include <algorithm>

namespace tusk::core {

Preferences *Preferences::instance()
{
    // Parented to the application, so it goes before Qt does.
    static Preferences *const preferences = new Preferences(QCoreApplication::instance());
    return preferences;
}

Preferences::Preferences(QObject *parent)
    : QObject(parent)
{
}

QVariant Preferences::value(const char *key, const QVariant &fallback) const
{
    return QSettings().value(QLatin1String(key), fallback);
}

void Preferences::store(const char *key, const QVariant &value)
{
    QSettings settings;
    if (settings.value(QLatin1String(key)) == value)
        return;
    settings.setValue(QLatin1String(key), value);
    emit changed(QLatin1String(key));
}

Preferences::Theme Preferences::theme() const
{
    const QString name = value(themeKey, QStringLiteral("system")).toString();
    return name == QLatin1String("dark") ? Theme::Dark
        : name == QLatin1String("light") ? Theme::Light
                                         : Theme::System;
}

void Preferences::setTheme(Theme theme)
{
    store(themeKey, themeName(theme));
}

QString Preferences::themeName(Theme theme)
{
    switch (theme) {
    case Theme::Light:
        return QStringLiteral("light");
    case Theme::Dark:
        return QStringLiteral("dark");
    case Theme::System:
        break;
    }
    return QStringLiteral("system");
}

QString Preferences::editorFontFamily() const
{
    return value(fontFamilyKey, QString()).toString();
}

int Preferences::editorFontSize() const
{
    return std::clamp(value(fontSizeKey, 0).toInt(), 0, 72);
}

void Preferences::setEditorFont(const QString &family, int size)
{
    QSettings settings;
    const bool same = settings.value(QLatin1String(fontFamilyKey)).toString() == family
        && settings.value(QLatin1String(fontSizeKey)).toInt() == size;
    if (same)
        return;
    settings.setValue(QLatin1String(fontFamilyKey), family);
    settings.setValue(QLatin1String(fontSizeKey), size);
    emit changed(QLatin1String(fontFamilyKey));
}

int Preferences::tabWidth() const
{
    return std::clamp(value(tabWidthKey, 4).toInt(), 1, 16);
}

void Preferences::setTabWidth(int width)
{
    store(tabWidthKey, std::clamp(width, 1, 16));
}

int Preferences::rowCap() const
{
    return value(rowCapKey, defaultRowCap).toInt();
}

void Preferences::setRowCap(int rows)
{
    store(rowCapKey, rows);
}

bool Preferences::readOnlyByDefault() const
{
    return value(readOnlyKey, false).toBool();
}

void Preferences::setReadOnlyByDefault(bool on)
{
    store(readOnlyKey, on);
}

double Preferences::activityIntervalSeconds() const
{
    return std::clamp(value(activityIntervalKey, 1.0).toDouble(), 0.5, 10.0);
}

void Preferences::setActivityIntervalSeconds(double seconds)
{
    store(activityIntervalKey, std::clamp(seconds, 0.5, 10.0));
}

qint64 Preferences::activitySeconds(const QString &key, qint64 fallback) const
{
    return QSettings().value(key, fallback).toLongLong();
}

void Preferences::setActivitySeconds(const QString &key, qint64 seconds)
{
    store(key.toUtf8().constData(), seconds);
}

bool Preferences::activityNotify(bool fallback) const
{
    return value(activityNotifyKey, fallback).toBool();
}

void Preferences::setActivityNotify(bool on)
{
    store(activityNotifyKey, on);
}

QString Preferences::defaultAutosaveFolder()
{
    QString state = qEnvironmentVariable("XDG_STATE_HOME");
    if (state.isEmpty() || !QDir::isAbsolutePath(state))
        state = QDir::homePath() + QStringLiteral("/.local/state");
    return state + QStringLiteral("/tusk/autosave");
}

QString Preferences::autosaveFolder() const
{
    const QString folder = value(autosaveKey, QString()).toString();
    return folder.isEmpty() ? defaultAutosaveFolder() : folder;
}

void Preferences::setAutosaveFolder(const QString &folder)
{
    store(autosaveKey, folder == defaultAutosaveFolder() ? QString() : folder);
}

QString Preferences::defaultRecordingsFolder()
{
    return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation)
        + QStringLiteral("/tusk/recordings");
}

QString Preferences::recordingsFolder() const
{
    const QString folder = value(recordingsKey, QString()).toString();
    return folder.isEmpty() ? defaultRecordingsFolder() : folder;
}

void Preferences::setRecordingsFolder(const QString &folder)
{
    store(recordingsKey, folder == defaultRecordingsFolder() ? QString() : folder);
}

LintConfig Preferences::userLintConfig(QString *error) const
{
    QString problem;
    const std::optional<LintConfig> config = LintConfig::read(LintConfig::userPath(), &problem);
    if (error)
        *error = problem;
    return config.value_or(LintConfig());
}

bool Preferences::setUserLintConfig(const LintConfig &config, QString *error)
{
    QString broken;
    if (!LintConfig::read(LintConfig::userPath(), &broken)) {
        *error = QStringLiteral("%1 does not read, so it was left as it is: %2")
                     .arg(LintConfig::userPath(), broken);
        return false;
    }
    UserFileWriter::Options options;
    options.createFolder = true;
    const FileWriteError failed =
        UserFileWriter::writeFile(LintConfig::userPath(), config.toToml(), options);
    if (!failed.isNull()) {
        *error = failed.message;
        return false;
    }
    emit changed(QLatin1String(lintKey));
    return true;
}

QString Preferences::projectLintFile(const QString &filePath)
{
    const QString folder =
        filePath.isEmpty() ? QDir::currentPath() : QFileInfo(filePath).absolutePath();
    const QString root = ProjectLocator::findProjectRoot(folder);
    const QString file = LintConfig::projectPath(root);
    return !file.isEmpty() && QFileInfo::exists(file) ? file : QString();
}

LintConfig Preferences::lintConfigFor(const QString &filePath, QStringList *errors) const
{
    const QString folder =
        filePath.isEmpty() ? QDir::currentPath() : QFileInfo(filePath).absolutePath();
    return LintConfig::effective(ProjectLocator::findProjectRoot(folder), errors);
}

} // namespace tusk::core
