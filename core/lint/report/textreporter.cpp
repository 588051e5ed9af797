#include "textreporter.h"

namespace tusk::core {

namespace {
QString lineText(const SourceText &source, int line)
{
    const qsizetype begin = source.lineStart(line);
    qsizetype end = line < source.lineCount() ? source.lineStart(line + 1) : source.size();
    const QByteArray &bytes = source.bytes();
    while (end > begin && (bytes.at(end - 1) == '\n' || bytes.at(end - 1) == '\r'))
        --end;
    // Long lines (generated files) are cut: the excerpt is for the eye.
    const qsizetype shown = std::min<qsizetype>(end - begin, 400);
    return QString::fromUtf8(bytes.constData() + begin, shown)
        .replace(QLatin1Char('\t'), QLatin1Char(' '));
}

void writeExcerpt(QByteArray &out, const SourceText &source, const Finding &f)
{
    const QString text = lineText(source, f.start.line);
    const QByteArray number = QByteArray::number(f.start.line);
    const QByteArray pad(number.size(), ' ');
    out += "  " + number + " | " + text.toUtf8() + '\n';
    const int from = std::max(1, f.start.column);
    int to = f.end.line == f.start.line ? f.end.column : int(text.size()) + 1;
    to = std::clamp(to, from + 1, int(text.size()) + 1);
    out += "  " + pad + " | " + QByteArray(from - 1, ' ') + QByteArray(to - from, '^') + '\n';
}

void writeFinding(QByteArray &out, const LintedFile &file, const Finding &f)
{
    out += file.path.toUtf8() + ':' + QByteArray::number(f.start.line) + ':'
        + QByteArray::number(f.start.column) + ": " + severityName(f.severity).toUtf8() + " ["
        + f.rule.toUtf8() + "] " + f.message.toUtf8() + '\n';
    writeExcerpt(out, file.script->source(), f);
    if (!f.lock.isEmpty())
        out += "  lock:    " + f.lock.toUtf8() + '\n';
    if (!f.note.isEmpty())
        out += "  note:    " + f.note.toUtf8() + '\n';
    if (!f.alternative.isEmpty())
        out += "  instead: "
            + QString(f.alternative)
                  .replace(QLatin1Char('\n'), QLatin1String("\n           "))
                  .toUtf8()
            + '\n';
    if (!f.fix.isEmpty())
        out += "  fix:     tusk lint --fix rewrites this\n";
    out += '\n';
}

void writeLocks(QByteArray &out, const LintedFile &file)
{
    const QList<ParsedStatement> &statements = file.script->statements();
    out += file.path.toUtf8() + ": locks, statement by statement\n";
    for (qsizetype i = 0; i < file.result.locks.size(); ++i) {
        const QList<RelationLock> &locks = file.result.locks.at(i);
        if (locks.isEmpty())
            continue;
        const ParsedStatement &s = statements.at(i);
        QString head = lineText(file.script->source(), s.start.line).trimmed();
        if (head.size() > 60)
            head = head.left(57) + QStringLiteral("...");
        out += "  " + QByteArray::number(s.start.line) + ": " + head.toUtf8() + '\n';
        for (const RelationLock &l : locks)
            out += "      " + l.describe().toUtf8() + '\n';
    }
    out += '\n';
}
} // namespace

QByteArray TextReporter::report(
    const QList<LintedFile> &files, const ReportOptions &options, const LintEngine &) const
{
    QByteArray out;
    int counts[3] = {0, 0, 0};
    int fixable = 0;
    int statements = 0;
    int unreadable = 0;
    for (const LintedFile &file : files) {
        if (!file.ok()) {
            out += file.path.toUtf8() + ": error: " + file.error.toUtf8() + "\n\n";
            ++unreadable;
            continue;
        }
        statements += file.result.statementCount;
        if (options.showLocks)
            writeLocks(out, file);
        for (const Finding &f : file.result.findings) {
            writeFinding(out, file, f);
            ++counts[int(f.severity)];
            fixable += f.fix.isEmpty() ? 0 : 1;
        }
    }
    QString summary = QStringLiteral("%1 %2, %3 statements: %4 errors, %5 warnings, %6 info")
                          .arg(files.size())
                          .arg(files.size() == 1 ? QStringLiteral("file") : QStringLiteral("files"))
                          .arg(statements)
                          .arg(counts[int(Severity::Error)])
                          .arg(counts[int(Severity::Warning)])
                          .arg(counts[int(Severity::Info)]);
    if (fixable)
        summary += QStringLiteral(" (%1 fixable with --fix)").arg(fixable);
    if (unreadable)
        summary += QStringLiteral("; %1 could not be read").arg(unreadable);
    out += summary.toUtf8() + '\n';
    return out;
}

} // namespace tusk::core
