#include "helppage.h"

#include <QRegularExpression>

namespace tusk::app {

namespace {
enum class Section { Description, Options, Arguments };

// "  --format <FORMAT>   text or json." → names, value, text.
HelpPage::Option optionOf(const QString &head, const QString &text)
{
    HelpPage::Option option;
    QString names = head;
    static const QRegularExpression value(QStringLiteral("\\s*<([^>]+)>\\s*$"));
    const QRegularExpressionMatch m = value.match(names);
    if (m.hasMatch()) {
        option.valueName = m.captured(1);
        names.truncate(m.capturedStart());
    }
    for (const QString &name : names.split(QLatin1Char(','), Qt::SkipEmptyParts))
        option.names << name.trimmed();
    option.text = text;
    return option;
}
} // namespace

QStringList HelpPage::Option::values() const
{
    // A list of lower-case words that opens the text and ends it or its
    // first sentence: "text, json, svg or png.", "md or json.".
    static const QRegularExpression list(QStringLiteral(
        "^(?:[^:]*: )?((?:[a-z][a-z0-9-]*, )*[a-z][a-z0-9-]*(?:,? or [a-z][a-z0-9-]*)?)"
        "(?:\\.| \\(|$)"));
    const QRegularExpressionMatch m = list.match(text);
    if (valueName.isEmpty() || !m.hasMatch())
        return {};
    QString words = m.captured(1);
    words.replace(QLatin1String(" or "), QLatin1String(", "));
    QStringList out;
    for (const QString &word : words.split(QLatin1Char(','), Qt::SkipEmptyParts))
        out << word.trimmed();
    // One word is a description ("text"), not a choice.
    return out.size() > 1 ? out : QStringList();
}

bool HelpPage::Option::takesPath() const
{
    static const QRegularExpression path(
        QStringLiteral("^(FILE\\d?|DIR|OUT|MIGRATION|folder|file|PATH|.*\\bFILE)$"));
    return path.match(valueName).hasMatch();
}

HelpPage HelpPage::parse(const QString &command, const QString &text)
{
    HelpPage page;
    page.command = command;
    Section section = Section::Description;
    static const QRegularExpression entry(QStringLiteral("^  (\\S.*?)(?:\\s{2,}(\\S.*))?$"));
    for (const QString &line : text.split(QLatin1Char('\n'))) {
        if (line.startsWith(QLatin1String("Usage: "))) {
            page.synopsis = line.mid(7).trimmed();
            continue;
        }
        if (line == QLatin1String("Options:")) {
            section = Section::Options;
            continue;
        }
        if (line == QLatin1String("Arguments:")) {
            section = Section::Arguments;
            continue;
        }
        if (section == Section::Description) {
            page.description << line;
            continue;
        }
        if (line.trimmed().isEmpty())
            continue;
        const bool continuation = line.startsWith(QLatin1String("    "));
        const QRegularExpressionMatch m = entry.match(line);
        if (continuation || !m.hasMatch()) {
            QString *last = nullptr;
            if (section == Section::Options && !page.options.isEmpty())
                last = &page.options.last().text;
            else if (section == Section::Arguments && !page.arguments.isEmpty())
                last = &page.arguments.last().text;
            if (last)
                *last += (last->isEmpty() ? QString() : QStringLiteral(" ")) + line.trimmed();
            continue;
        }
        if (section == Section::Options)
            page.options << optionOf(m.captured(1), m.captured(2));
        else
            page.arguments << Item {m.captured(1), m.captured(2)};
    }
    while (!page.description.isEmpty() && page.description.last().trimmed().isEmpty())
        page.description.removeLast();
    return page;
}

QList<HelpPage::Option> HelpPage::userOptions() const
{
    QList<Option> out;
    for (const Option &o : options)
        if (!o.names.contains(QLatin1String("--help-all")))
            out << o;
    return out;
}

} // namespace tusk::app
