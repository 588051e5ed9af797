#include "gccreporter.h"

namespace tusk::core {

QByteArray GccReporter::report(
    const QList<LintedFile> &files, const ReportOptions &, const LintEngine &) const
{
    QByteArray out;
    for (const LintedFile &file : files) {
        const QByteArray path = file.path.toUtf8();
        if (!file.ok()) {
            out += path + ": error: " + file.error.toUtf8() + '\n';
            continue;
        }
        for (const Finding &f : file.result.findings) {
            out += path;
            out += ':';
            out += QByteArray::number(f.start.line);
            out += ':';
            out += QByteArray::number(f.start.column);
            out += ": ";
            out += severityName(f.severity).toUtf8();
            out += ": ";
            out += f.message.toUtf8();
            out += " [";
            out += f.rule.toUtf8();
            out += "]\n";
        }
    }
    return out;
}

} // namespace tusk::core
