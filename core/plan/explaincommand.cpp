#include "explaincommand.h"

#include "core/sql/statementeffects.h"

namespace tusk::core {

using namespace Qt::Literals::StringLiterals;

QStringList ExplainOptions::names() const
{
    QStringList out;
    if (analyze)
        out << u"ANALYZE"_s;
    if (buffers)
        out << u"BUFFERS"_s;
    if (verbose)
        out << u"VERBOSE"_s;
    if (settings)
        out << u"SETTINGS"_s;
    if (wal)
        out << u"WAL"_s;
    return out;
}

ExplainOptions ExplainOptions::fromNames(const QStringList &names)
{
    ExplainOptions o;
    o.analyze = names.contains(u"ANALYZE"_s, Qt::CaseInsensitive);
    o.buffers = names.contains(u"BUFFERS"_s, Qt::CaseInsensitive);
    o.verbose = names.contains(u"VERBOSE"_s, Qt::CaseInsensitive);
    o.settings = names.contains(u"SETTINGS"_s, Qt::CaseInsensitive);
    o.wal = names.contains(u"WAL"_s, Qt::CaseInsensitive);
    return o;
}

ExplainCommand ExplainCommand::make(
    const QByteArray &statement, const ExplainOptions &asked, int serverVersion, bool inTransaction)
{
    ExplainCommand command;
    ExplainOptions options = asked;
    const bool known = serverVersion > 0;
    // Each of these is an error from the server rather than a plan.
    if (options.wal && !options.analyze) {
        options.wal = false;
        command.dropped << u"WAL (needs ANALYZE)"_s;
    }
    if (known && options.wal && serverVersion < 130000) {
        options.wal = false;
        command.dropped << u"WAL (PostgreSQL 13 or later)"_s;
    }
    if (known && options.buffers && !options.analyze && serverVersion < 130000) {
        options.buffers = false;
        command.dropped << u"BUFFERS (without ANALYZE: PostgreSQL 13 or later)"_s;
    }
    if (known && options.settings && serverVersion < 120000) {
        options.settings = false;
        command.dropped << u"SETTINGS (PostgreSQL 12 or later)"_s;
    }

    bool changes = false;
    QString kind;
    for (const auto &item : StatementEffects::ofScript(statement)) {
        if (StatementEffects::changesSomething(item.effect)) {
            changes = true;
            kind = item.text.section(u' ', 0, 0, QString::SectionSkipEmpty).toUpper();
        }
    }
    command.rolledBack = options.analyze && changes;

    const QString explain =
        u"EXPLAIN ("_s + (QStringList {u"FORMAT JSON"_s} + options.names()).join(u", "_s) + u") "_s;
    QString before;
    QString after;
    if (command.rolledBack && inTransaction) {
        // The user's own transaction stays open, and as it was.
        before = u"SAVEPOINT tusk_explain;\n"_s;
        after = u";\nROLLBACK TO SAVEPOINT tusk_explain;\nRELEASE SAVEPOINT tusk_explain;"_s;
    } else if (command.rolledBack) {
        before = u"BEGIN;\n"_s;
        after = u";\nROLLBACK;"_s;
    }
    const QString prefix = before + explain;
    command.statementOffset = int(prefix.toUtf8().size());
    command.sql = prefix + QString::fromUtf8(statement) + after;

    const QString shown = u"EXPLAIN ("_s + options.names().join(u", "_s) + u')';
    if (command.rolledBack)
        command.note = (inTransaction
                ? QStringLiteral("%1 ran %2 inside a savepoint of your open transaction, "
                                 "rolled back right after: its changes were undone.")
                : QStringLiteral("%1 ran %2 inside BEGIN … ROLLBACK: its changes were undone."))
                           .arg(shown, kind.isEmpty() ? u"the statement"_s : kind);
    if (!command.dropped.isEmpty())
        command.note += (command.note.isEmpty() ? QString() : u" "_s) + u"Left out: "_s
            + command.dropped.join(u", "_s) + u'.';
    return command;
}

} // namespace tusk::core
