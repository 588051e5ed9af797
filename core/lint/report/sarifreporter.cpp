#include "sarifreporter.h"

#include "jsontext.h"

namespace tusk::core {

namespace {
QByteArray level(Severity severity)
{
    switch (severity) {
    case Severity::Error:
        return "\"error\"";
    case Severity::Warning:
        return "\"warning\"";
    case Severity::Info:
        return "\"note\"";
    }
    return "\"note\"";
}

QByteArray region(SourcePosition from, SourcePosition to)
{
    return "{\"startLine\":" + QByteArray::number(from.line) + ",\"startColumn\":"
        + QByteArray::number(from.column) + ",\"endLine\":" + QByteArray::number(to.line)
        + ",\"endColumn\":" + QByteArray::number(to.column) + '}';
}

QByteArray text(const QString &value)
{
    return "{\"text\":" + JsonText::string(value) + '}';
}

void writeRules(QByteArray &out, const LintEngine &engine, QHash<QString, int> &indexOf)
{
    out += "\"rules\":[";
    int index = 0;
    for (const auto &rule : engine.rules()) {
        const RuleInfo &info = rule->info();
        indexOf.insert(info.id, index);
        out += index++ ? ",{" : "{";
        out += "\"id\":" + JsonText::string(info.id);
        out += ",\"shortDescription\":" + text(info.summary);
        out += ",\"fullDescription\":" + text(info.explanation);
        out += ",\"help\":" + text(info.alternative);
        out += ",\"defaultConfiguration\":{\"level\":" + level(info.severity) + "}}";
    }
    out += ']';
}

void writeResult(
    QByteArray &out, const LintedFile &file, const Finding &f, const QHash<QString, int> &indexOf)
{
    const QByteArray uri = JsonText::string(file.path);
    out += "{\"ruleId\":" + JsonText::string(f.rule);
    if (indexOf.contains(f.rule))
        out += ",\"ruleIndex\":" + QByteArray::number(indexOf.value(f.rule));
    out += ",\"level\":" + level(f.severity);
    QString message = f.message;
    if (!f.lock.isEmpty())
        message += QStringLiteral(" Lock: ") + f.lock + QLatin1Char('.');
    out += ",\"message\":" + text(message);
    out += ",\"locations\":[{\"physicalLocation\":{\"artifactLocation\":{\"uri\":" + uri
        + "},\"region\":" + region(f.start, f.end) + "}}]";
    if (!f.fix.isEmpty()) {
        out += ",\"fixes\":[{\"description\":" + text(f.alternative)
            + ",\"artifactChanges\":[{\"artifactLocation\":{\"uri\":" + uri
            + "},\"replacements\":[";
        for (qsizetype i = 0; i < f.fix.size(); ++i) {
            const TextEdit &e = f.fix.at(i);
            out += i ? ",{" : "{";
            out += "\"deletedRegion\":"
                + region(file.script->source().position(e.range.begin),
                    file.script->source().position(e.range.end));
            out += ",\"insertedContent\":" + text(QString::fromUtf8(e.replacement)) + '}';
        }
        out += "]}]}]";
    }
    out += '}';
}
} // namespace

QByteArray SarifReporter::report(
    const QList<LintedFile> &files, const ReportOptions &options, const LintEngine &engine) const
{
    QByteArray out;
    out += "{\"$schema\":\"https://json.schemastore.org/sarif-2.1.0.json\",\"version\":\"2.1.0\","
           "\"runs\":[{\"tool\":{\"driver\":{\"name\":\"tusk\"";
    if (!options.toolVersion.isEmpty())
        out += ",\"version\":" + JsonText::string(options.toolVersion);
    out += ',';
    QHash<QString, int> indexOf;
    writeRules(out, engine, indexOf);
    out += "}},\"results\":[";
    bool first = true;
    QByteArray notifications;
    for (const LintedFile &file : files) {
        if (!file.ok()) {
            notifications += notifications.isEmpty() ? "{" : ",{";
            notifications += "\"level\":\"error\",\"message\":" + text(file.error) + '}';
            continue;
        }
        for (const Finding &f : file.result.findings) {
            if (!first)
                out += ',';
            first = false;
            writeResult(out, file, f, indexOf);
        }
    }
    out += "],\"invocations\":[{\"executionSuccessful\":";
    out += notifications.isEmpty() ? "true" : "false";
    out += ",\"toolExecutionNotifications\":[" + notifications + "]}]}]}\n";
    return out;
}

} // namespace tusk::core
