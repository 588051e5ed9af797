#include "pendingsplit.h"

#include "changedescriber.h"

#include "core/lint/outsidetransaction.h"
#include "core/sql/parsedscript.h"

#include <pg_query/pg_query.pb-c.h>

#include <QFile>

namespace tusk::core {

namespace {
struct Statement {
    qsizetype begin = 0; // where its text starts (comments above it included)
    qsizetype end = 0; // after its ';' and the rest of that line
    bool outside = false;
};

// Where a statement's text ends: its ';', then the rest of the line when it
// holds only blanks or a -- comment (a note on the statement stays with it).
qsizetype statementEnd(const QByteArray &text, qsizetype end)
{
    qsizetype p = end;
    while (p < text.size() && (text.at(p) == ' ' || text.at(p) == '\t'))
        ++p;
    if (p < text.size() && text.at(p) == ';')
        end = ++p;
    while (p < text.size() && (text.at(p) == ' ' || text.at(p) == '\t' || text.at(p) == '\r'))
        ++p;
    if (p + 1 < text.size() && text.at(p) == '-' && text.at(p + 1) == '-')
        p = text.indexOf('\n', p) < 0 ? text.size() : text.indexOf('\n', p);
    if (p == text.size() || text.at(p) == '\n')
        return p == text.size() ? p : p + 1;
    return end;
}

// The file cut into statements that together hold every byte of it: the
// first also holds what comes before it, the last what comes after it.
bool cut(const ParsedScript &script, QList<Statement> *out, QString *why)
{
    const QByteArray &text = script.source().bytes();
    // psql meta-commands (\set ON_ERROR_STOP, \i) hold for the session of
    // the file they are in; which part each belongs to is the user's call.
    const QList<QByteArray> lines = text.split('\n');
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QByteArray line = lines.at(i).trimmed();
        if (line.startsWith('\\') && line != "\\.") { // a line of \. ends COPY data
            *why = QStringLiteral("the file holds a psql meta-command (line %1), which holds for "
                                  "the session of its file: split it by hand")
                       .arg(i + 1);
            return false;
        }
    }
    qsizetype from = 0;
    for (const ParsedStatement &st : script.statements()) {
        if (!st.isValid()) {
            *why = QStringLiteral("line %1 does not parse (%2): fix it before splitting")
                       .arg(st.start.line)
                       .arg(st.syntaxError);
            return false;
        }
        if (st.node->node_case == PG_QUERY__NODE__NODE_COPY_STMT && st.node->copy_stmt->is_from
            && (!st.node->copy_stmt->filename || !*st.node->copy_stmt->filename)) {
            *why = QStringLiteral("the file holds COPY … FROM stdin (line %1), whose data lines "
                                  "must stay right after it: split it by hand")
                       .arg(st.start.line);
            return false;
        }
        if (st.node->node_case == PG_QUERY__NODE__NODE_TRANSACTION_STMT) {
            *why = QStringLiteral("the file holds its own BEGIN/COMMIT (line %1): Tusk does "
                                  "not move statements across a transaction; split it by hand")
                       .arg(st.start.line);
            return false;
        }
        const qsizetype end = statementEnd(text, st.range.end);
        *out << Statement {from, end, !OutsideTransaction::of(st.node).isNull()};
        from = end;
    }
    if (!out->isEmpty())
        out->last().end = text.size();
    return true;
}

// Runs of statements: each outside-transaction statement alone, the rest
// in runs of at most `max`.
QList<QList<Statement>> group(const QList<Statement> &statements, int max)
{
    QList<QList<Statement>> groups;
    for (const Statement &s : statements) {
        const bool fresh = groups.isEmpty() || s.outside || groups.last().last().outside
            || groups.last().size() >= max;
        if (fresh)
            groups.append(QList<Statement> {});
        groups.last() << s;
    }
    return groups;
}

QString partName(int number)
{
    return QStringLiteral("%1_prerelease.sql").arg(number);
}

QByteArray readAll(const QString &path, bool *ok)
{
    QFile file(path);
    *ok = file.open(QIODevice::ReadOnly);
    return *ok ? file.readAll() : QByteArray();
}
} // namespace

QString PendingSplit::reason(const QByteArray &sql, int maxStatements)
{
    const ParsedScript script(sql, 1);
    const QList<ParsedStatement> &all = script.statements();
    int outside = 0;
    QString first;
    for (const ParsedStatement &st : all) {
        const OutsideTransaction::Command c = OutsideTransaction::of(st.node);
        if (!c.isNull() && outside++ == 0)
            first = c.name;
    }
    if (outside > 0 && all.size() > 1)
        return QStringLiteral("%1 cannot run inside a transaction and shares the file with "
                              "%2 other statement%3")
            .arg(first)
            .arg(all.size() - 1)
            .arg(all.size() == 2 ? QString() : QStringLiteral("s"));
    if (all.size() > maxStatements)
        return QStringLiteral("%1 statements, more than the %2 a pending file should hold")
            .arg(all.size())
            .arg(maxStatements);
    return {};
}

PendingRewrite PendingSplit::plan(
    const MigrationsFolder &folder, const QString &fileName, int maxStatements, QString *why)
{
    if (!folder.problems().isEmpty()) {
        *why = folder.problems().first().message;
        return {};
    }
    maxStatements = qMax(1, maxStatements);
    // The file: the one named, else the latest that needs splitting.
    qsizetype chosen = -1;
    QByteArray sql;
    QString reasonText;
    for (qsizetype i = folder.pending().size() - 1; i >= 0; --i) {
        const MigrationsFolder::PendingFile &p = folder.pending().at(i);
        if (!fileName.isEmpty() && p.name.compare(fileName, Qt::CaseInsensitive) != 0)
            continue;
        bool ok = false;
        const QByteArray text = readAll(p.path, &ok);
        if (!ok) {
            *why = QStringLiteral("cannot read %1").arg(p.name);
            return {};
        }
        const QString r = reason(text, maxStatements);
        if (r.isEmpty() && fileName.isEmpty())
            continue;
        chosen = i;
        sql = text;
        reasonText = r;
        break;
    }
    if (chosen < 0) {
        *why = fileName.isEmpty()
            ? QStringLiteral("no pending file needs splitting")
            : QStringLiteral("%1 is not a pending file of this folder").arg(fileName);
        return {};
    }
    const MigrationsFolder::PendingFile &file = folder.pending().at(chosen);
    const ParsedScript script(sql, 1);
    QList<Statement> statements;
    if (!cut(script, &statements, why))
        return {};
    // SET statements at the top (lock_timeout, search_path) set up the
    // session every part runs in: each part starts with them.
    qsizetype leading = 0;
    const QList<ParsedStatement> &parsed = script.statements();
    while (leading < parsed.size() - 1
        && parsed.at(leading).node->node_case == PG_QUERY__NODE__NODE_VARIABLE_SET_STMT)
        ++leading;
    QByteArray prefix = leading ? sql.left(statements.at(leading - 1).end) : QByteArray();
    if (!prefix.isEmpty() && !prefix.endsWith('\n'))
        prefix += '\n';
    const QList<QList<Statement>> groups = group(statements.mid(leading), maxStatements);
    if (groups.size() < 2) {
        *why =
            QStringLiteral("%1 is one run of statements already: nothing to split").arg(file.name);
        return {};
    }
    PendingRewrite r;
    r.title = QStringLiteral("split %1 into %2 files").arg(file.name).arg(groups.size());
    r.reason = reasonText;
    const int first = qMax(1, file.number);
    QHash<QString, bool> written;
    for (qsizetype g = 0; g < groups.size(); ++g) {
        const qsizetype begin = groups.at(g).first().begin;
        const qsizetype end = groups.at(g).last().end;
        QByteArray part = sql.mid(begin, end - begin);
        // Each file starts at its statement's comment, not at a blank line.
        while (part.startsWith('\n') || part.startsWith("\r\n"))
            part.remove(0, part.startsWith('\n') ? 1 : 2);
        if (!prefix.isEmpty())
            part.prepend(prefix + '\n');
        // …and ends at its last statement's line (the blank lines between
        // statements were separators, not content).
        while (part.endsWith("\n\n"))
            part.chop(1);
        if (!part.endsWith('\n'))
            part += '\n';
        const QString name = partName(first + int(g));
        r.files << PendingRewrite::fileOf(name, part);
        written.insert(name, true);
        for (const QString &change : ChangeDescriber::describe(ParsedScript(part, 1))) {
            const QString key = PendingRewrite::entryKey(file.name, change);
            if (!r.entryMoves.contains(key))
                r.entryMoves.insert(key, name);
        }
    }
    r.fileMoves.insert(file.name, partName(first));
    r.originals.insert(file.name, sql);
    // The pending files after it move up as far as they must to follow the
    // new ones, in order; one already past them keeps its name.
    int next = first + int(groups.size());
    for (qsizetype i = chosen + 1; i < folder.pending().size(); ++i) {
        const MigrationsFolder::PendingFile &later = folder.pending().at(i);
        const int number = qMax(later.number, next);
        next = number + 1;
        if (number == later.number && !written.contains(later.name))
            continue;
        bool ok = false;
        const QByteArray text = readAll(later.path, &ok);
        if (!ok) {
            *why = QStringLiteral("cannot read %1").arg(later.name);
            return {};
        }
        const QString name = partName(number);
        r.files << PendingRewrite::fileOf(name, text);
        written.insert(name, true);
        r.originals.insert(later.name, text);
        r.fileMoves.insert(later.name, name);
    }
    for (auto it = r.originals.constBegin(); it != r.originals.constEnd(); ++it) {
        if (!written.contains(it.key()))
            r.removed << it.key();
    }
    r.removed.sort();
    return r;
}

} // namespace tusk::core
