#pragma once

#include "core/lint/lintconfig.h"

#include <QObject>
#include <QVariant>

namespace tusk::core {

// The user's settings with their defaults, in QSettings
// (~/.config/tusk/tusk.conf), and one signal that every view listens to so
// a change applies at once. The lint rules are the exception: they live in
// LintConfig's TOML, which `tusk lint` reads too. One per process, GUI
// thread.
class Preferences : public QObject {
    Q_OBJECT
public:
    static Preferences *instance();

    enum class Theme { System, Light, Dark };
    Theme theme() const;
    void setTheme(Theme theme);
    static QString themeName(Theme theme);

    // The editor's font; an empty family is the system's fixed font, a size
    // of 0 its size.
    QString editorFontFamily() const;
    int editorFontSize() const;
    void setEditorFont(const QString &family, int size);
    int tabWidth() const;
    void setTabWidth(int width);

    // What a new SQL tab starts with.
    int rowCap() const;
    void setRowCap(int rows);
    bool readOnlyByDefault() const;
    void setReadOnlyByDefault(bool on);

    // The activity monitor: seconds between samples and the thresholds
    // (seconds) past which a row is highlighted or an alert raised.
    double activityIntervalSeconds() const;
    void setActivityIntervalSeconds(double seconds);
    qint64 activitySeconds(const QString &key, qint64 fallback) const;
    void setActivitySeconds(const QString &key, qint64 seconds);
    bool activityNotify(bool fallback) const;
    void setActivityNotify(bool on);

    // Where unsaved editor tabs and activity recordings are kept.
    QString autosaveFolder() const;
    void setAutosaveFolder(const QString &folder);
    static QString defaultAutosaveFolder();
    QString recordingsFolder() const;
    void setRecordingsFolder(const QString &folder);
    static QString defaultRecordingsFolder();

    // The user's lint settings (LintConfig::userPath()), and what applies to
    // a file: its project's .tusk-lint.toml over the user's.
    LintConfig userLintConfig(QString *error = nullptr) const;
    // Refuses to write over a file that does not read (it would lose it).
    bool setUserLintConfig(const LintConfig &config, QString *error);
    // Tells every editor to re-lint (a project's .tusk-lint.toml changed).
    void lintFilesChanged() { emit changed(QLatin1String(lintKey)); }
    LintConfig lintConfigFor(const QString &filePath, QStringList *errors = nullptr) const;
    // The project .tusk-lint.toml that a file falls under, or empty.
    static QString projectLintFile(const QString &filePath);

    // The keys, as the Preferences dialog and tests name them.
    static constexpr const char *themeKey = "appearance/theme";
    static constexpr const char *fontFamilyKey = "editor/fontFamily";
    static constexpr const char *fontSizeKey = "editor/fontSize";
    static constexpr const char *tabWidthKey = "editor/tabWidth";
    static constexpr const char *rowCapKey = "editor/rowCap";
    static constexpr const char *readOnlyKey = "editor/readOnly";
    static constexpr const char *activityIntervalKey = "activity/intervalSeconds";
    static constexpr const char *activityNotifyKey = "activity/notify";
    static constexpr const char *autosaveKey = "files/autosaveFolder";
    static constexpr const char *recordingsKey = "files/recordingsFolder";
    static constexpr const char *lintKey = "lint"; // changed() when the lint files change
    static constexpr int defaultRowCap = 2'000'000;

signals:
    // The key that changed (one of the above, or an activity/* threshold).
    void changed(const QString &key);

private:
    explicit Preferences(QObject *parent = nullptr);
    QVariant value(const char *key, const QVariant &fallback) const;
    void store(const char *key, const QVariant &value);
};

} // namespace tusk::core
