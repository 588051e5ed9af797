#include "jsonreporter.h"

#include "jsontext.h"

#include "core/sql/parallelblocks.h"

#include <QSet>

#include <vector>

namespace tusk::core {

namespace {
void field(QByteArray &out, const char *name, const QString &value, bool nullWhenEmpty = false)
{
    out += '"';
    out += name;
    out += "\":";
    if (nullWhenEmpty && value.isEmpty())
        out += "null";
    else
        JsonText::appendString(out, value);
}

void field(QByteArray &out, const char *name, qint64 value)
{
    out += '"';
    out += name;
    out += "\":";
    JsonText::appendNumber(out, value);
}

// "line", "column", "end_line", "end_column" of a span, 1-based.
void span(QByteArray &out, SourcePosition from, SourcePosition to)
{
    field(out, "line", from.line);
    out += ',';
    field(out, "column", from.column);
    out += ',';
    field(out, "end_line", to.line);
    out += ',';
    field(out, "end_column", to.column);
}

void writeFix(QByteArray &out, const ParsedScript &script, const Finding &f)
{
    out += "\"fix\":";
    if (f.fix.isEmpty()) {
        out += "null";
        return;
    }
    out += '[';
    for (qsizetype i = 0; i < f.fix.size(); ++i) {
        const TextEdit &e = f.fix.at(i);
        const SourcePosition from = script.source().position(e.range.begin);
        const SourcePosition to = script.source().position(e.range.end);
        out += i ? ",{" : "{";
        span(out, from, to);
        out += ',';
        field(out, "offset", e.range.begin);
        out += ',';
        field(out, "length", e.range.size());
        out += ',';
        field(out, "text", QString::fromUtf8(e.replacement));
        out += '}';
    }
    out += ']';
}

void writeFinding(QByteArray &out, const ParsedScript &script, const Finding &f, const Rule *rule)
{
    out += '{';
    field(out, "rule", f.rule);
    out += ',';
    field(out, "severity", severityName(f.severity));
    out += ',';
    span(out, f.start, f.end);
    out += ',';
    if (f.statement >= 0)
        field(out, "statement", f.statement + 1);
    else
        out += "\"statement\":null";
    out += ',';
    field(out, "message", f.message);
    out += ',';
    field(out, "lock", f.lock, true);
    out += ',';
    field(out, "relation", f.relation, true);
    out += ',';
    field(out, "note", f.note, true);
    out += ',';
    // The rule's own alternative is written once, under "rules"; a finding
    // carries one only when it is its own (a generated batched UPDATE).
    if (!rule || f.alternative.constData() != rule->info().alternative.constData()) {
        field(out, "alternative", f.alternative, true);
        out += ',';
    }
    writeFix(out, script, f);
    out += '}';
}

// The findings of one file, as the elements of a JSON array. A big
// migration's findings are written in blocks on every core; the first block
// (on the calling thread) goes to the sink as soon as it is done, after
// what `out` holds so far, while the other blocks are still being written.
void writeFindings(QByteArray &out, const ParsedScript &script, const QList<Finding> &findings,
    const LintEngine &engine, const LintReporter::Sink &sink)
{
    const qsizetype count = findings.size();
    const int blocks = ParallelBlocks::blockCount(count, 4096);
    std::vector<QByteArray> written(static_cast<size_t>(blocks));
    ParallelBlocks::run(count, blocks, [&](qsizetype from, qsizetype to, int block) {
        QByteArray &text = written[size_t(block)];
        text.reserve((to - from) * 448);
        for (qsizetype k = from; k < to; ++k) {
            const Finding &f = findings.at(k);
            if (k)
                text += ',';
            writeFinding(text, script, f, engine.rule(f.rule));
        }
        if (block == 0) {
            sink(out);
            sink(text);
            text = QByteArray();
        }
    });
    out.clear();
    for (size_t b = 1; b < written.size(); ++b) {
        sink(written[b]);
        written[b] = QByteArray(); // freed as it goes
    }
}

void writeLocks(QByteArray &out, const ParsedScript &script, const LintResult &result)
{
    out += ",\"locks\":[";
    bool first = true;
    for (qsizetype i = 0; i < result.locks.size(); ++i) {
        for (const RelationLock &l : result.locks.at(i)) {
            out += first ? "{" : ",{";
            first = false;
            field(out, "statement", i + 1);
            out += ',';
            field(out, "line", script.statements().at(i).start.line);
            out += ',';
            field(out, "relation", l.relation);
            out += ',';
            field(out, "mode", LockModes::name(l.mode));
            const LockImpact impact = LockModes::impact(l.mode);
            out += QByteArray(",\"rewrites\":") + (l.rewrites ? "true" : "false");
            out += QByteArray(",\"scans\":") + (l.scans ? "true" : "false");
            out += QByteArray(",\"blocks_reads\":") + (impact.blocksReads ? "true" : "false");
            out += QByteArray(",\"blocks_writes\":") + (impact.blocksWrites ? "true" : "false");
            out += QByteArray(",\"blocks_ddl\":") + (impact.blocksDdl ? "true" : "false");
            out += ',';
            field(out, "why", l.why);
            out += '}';
        }
    }
    out += ']';
}
} // namespace

QByteArray JsonReporter::report(
    const QList<LintedFile> &files, const ReportOptions &options, const LintEngine &engine) const
{
    QByteArray whole;
    write(files, options, engine, [&whole](const QByteArray &piece) { whole += piece; });
    return whole;
}

void JsonReporter::write(const QList<LintedFile> &files, const ReportOptions &options,
    const LintEngine &engine, const Sink &sink) const
{
    QByteArray out;
    int counts[3] = {0, 0, 0};
    QSet<QString> seen;
    out += "{\"files\":[";
    for (qsizetype i = 0; i < files.size(); ++i) {
        const LintedFile &file = files.at(i);
        out += i ? ",{" : "{";
        field(out, "path", file.path);
        out += ',';
        if (!file.ok()) {
            field(out, "error", file.error);
            out += ",\"statements\":0,\"findings\":[]}";
            continue;
        }
        field(out, "statements", file.result.statementCount);
        out += ",\"findings\":[";
        writeFindings(out, *file.script, file.result.findings, engine, sink);
        for (const Finding &f : file.result.findings) {
            ++counts[int(f.severity)];
            seen.insert(f.rule);
        }
        out += ']';
        if (options.showLocks)
            writeLocks(out, *file.script, file.result);
        out += '}';
    }
    out += "],\"summary\":{";
    field(out, "errors", counts[int(Severity::Error)]);
    out += ',';
    field(out, "warnings", counts[int(Severity::Warning)]);
    out += ',';
    field(out, "info", counts[int(Severity::Info)]);
    out += "},\"rules\":{";
    bool first = true;
    for (const auto &rule : engine.rules()) {
        const RuleInfo &info = rule->info();
        if (!seen.contains(info.id))
            continue;
        if (!first)
            out += ',';
        first = false;
        JsonText::appendString(out, info.id);
        out += ":{";
        field(out, "summary", info.summary);
        out += ',';
        field(out, "explanation", info.explanation);
        out += ',';
        field(out, "alternative", info.alternative);
        out += '}';
    }
    out += "},";
    field(out, "grammar", QStringLiteral("PostgreSQL ") + ParsedScript::grammarVersion());
    out += "}\n";
    sink(out);
}

} // namespace tusk::core
