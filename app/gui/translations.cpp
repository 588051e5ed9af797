#include "translations.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

namespace tusk::app {

QString Translations::install(QCoreApplication *application, const QString &language)
{
    const QLocale locale = language.isEmpty() ? QLocale() : QLocale(language);
    if (!language.isEmpty())
        QLocale::setDefault(locale);
    auto *tusk = new QTranslator(application);
    // English too: tusk_en carries the plural forms of "%n node(s)"; it is
    // what every language Tusk has no translation for gets (fr, ja, C).
    if (!tusk->load(locale, QStringLiteral("tusk"), QStringLiteral("_"), QStringLiteral(":/i18n"))
        && !tusk->load(QStringLiteral(":/i18n/tusk_en.qm"))) {
        delete tusk;
        return QStringLiteral("en");
    }
    QCoreApplication::installTranslator(tusk);
    if (tusk->language().startsWith(QLatin1String("en")))
        return tusk->language();
    // Qt's own dialogs and buttons, and the editor's, in the same language.
    const QString qtFolder = QLibraryInfo::path(QLibraryInfo::TranslationsPath);
    for (const QString &name : {QStringLiteral("qtbase"), QStringLiteral("qscintilla")}) {
        auto *translator = new QTranslator(application);
        if (translator->load(locale, name, QStringLiteral("_"), qtFolder))
            QCoreApplication::installTranslator(translator);
        else
            delete translator;
    }
    return tusk->language();
}

} // namespace tusk::app
