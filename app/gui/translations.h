#pragma once

#include <QString>

class QCoreApplication;

namespace tusk::app {

// The window's language: Tusk's own strings (built in under :/i18n), Qt's
// (qtbase, from qt6-translations-l10n) and QScintilla's, for the system
// locale or the one --lang names.
class Translations {
public:
    // Installs the translators on the application; returns the language
    // used ("de", or "en" when Tusk has no translation for the locale).
    static QString install(QCoreApplication *application, const QString &language);
};

} // namespace tusk::app
