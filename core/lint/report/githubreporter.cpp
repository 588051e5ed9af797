#include "githubreporter.h"

namespace tusk::core {

namespace {
// The escaping the runner expects: data escapes %, CR, LF; properties also
// ':' and ','.
QByteArray escaped(const QString &text, bool property)
{
    QByteArray out;
    for (const char c : text.toUtf8()) {
        if (c == '%')
            out += "%25";
        else if (c == '\r')
            out += "%0D";
        else if (c == '\n')
            out += "%0A";
        else if (property && c == ':')
            out += "%3A";
        else if (property && c == ',')
            out += "%2C";
        else
            out += c;
    }
    return out;
}

QByteArray command(Severity severity)
{
    switch (severity) {
    case Severity::Error:
        return "::error ";
    case Severity::Warning:
        return "::warning ";
    case Severity::Info:
        return "::notice ";
    }
    return "::notice ";
}
} // namespace

QByteArray GithubReporter::report(
    const QList<LintedFile> &files, const ReportOptions &, const LintEngine &) const
{
    QByteArray out;
    for (const LintedFile &file : files) {
        const QByteArray path = escaped(file.path, true);
        if (!file.ok()) {
            out += "::error file=" + path + "::" + escaped(file.error, false) + '\n';
            continue;
        }
        for (const Finding &f : file.result.findings) {
            out += command(f.severity);
            out += "file=" + path;
            out += ",line=" + QByteArray::number(f.start.line);
            out += ",col=" + QByteArray::number(f.start.column);
            out += ",endLine=" + QByteArray::number(f.end.line);
            if (f.end.line == f.start.line)
                out += ",endColumn=" + QByteArray::number(f.end.column);
            out += ",title=" + escaped(f.rule, true);
            out += "::";
            QString body = f.message;
            if (!f.lock.isEmpty())
                body += QStringLiteral("\nLock: ") + f.lock;
            if (!f.alternative.isEmpty())
                body += QStringLiteral("\nInstead: ") + f.alternative;
            out += escaped(body, false);
            out += '\n';
        }
    }
    return out;
}

} // namespace tusk::core
