#include "pendingcompaction.h"

#include "changelog.h"
#include "migrationstatements.h"

#include "core/lint/lockmodel.h"
#include "core/lint/nodetext.h"
#include "core/lint/outsidetransaction.h"
#include "core/lint/scriptfacts.h"
#include "core/sql/parsedscript.h"
#include "core/sql/statementeffects.h"

#include <pg_query/pg_query.pb-c.h>

#include <QFile>
#include <QSet>

namespace tusk::core {

namespace {
struct FileFacts {
    QByteArray sql;
    QSet<QString> relations; // changed by the file, normalised
    QSet<QDate> days;
    bool outside = false;
};

// "public.Orders" and "orders" are one table as far as this check goes.
QString normalised(QString name)
{
    name = name.toLower();
    name.remove(QLatin1Char('"'));
    if (name.startsWith(QLatin1String("public.")))
        name = name.mid(7);
    return name;
}

// The relation a CREATE statement makes, which the lock model leaves out
// (nobody can wait on a table that does not exist yet).
QString created(const PgQuery__Node *node)
{
    switch (node->node_case) {
    case PG_QUERY__NODE__NODE_CREATE_STMT:
        return NodeText::relation(node->create_stmt->relation);
    case PG_QUERY__NODE__NODE_VIEW_STMT:
        return NodeText::relation(node->view_stmt->view);
    case PG_QUERY__NODE__NODE_CREATE_TABLE_AS_STMT:
        return node->create_table_as_stmt->into
            ? NodeText::relation(node->create_table_as_stmt->into->rel)
            : QString();
    default:
        return {};
    }
}

FileFacts factsOf(const QByteArray &sql)
{
    FileFacts f;
    f.sql = sql;
    const ParsedScript script(sql, 1);
    const ScriptFacts facts(script);
    for (const ParsedStatement &st : script.statements()) {
        if (!st.isValid() || StatementEffects::of(st.node) != StatementEffect::Schema)
            continue;
        f.outside |= !OutsideTransaction::of(st.node).isNull();
        LockModel::Context context;
        context.statement = st.index;
        context.facts = &facts;
        for (const RelationLock &lock : LockModel::locksOf(st.node, context)) {
            if (!lock.objectOnly && !lock.relation.isEmpty())
                f.relations.insert(normalised(lock.relation));
        }
        const QString made = created(st.node);
        if (!made.isEmpty())
            f.relations.insert(normalised(made));
    }
    return f;
}
} // namespace

PendingRewrite PendingCompaction::plan(
    const MigrationsFolder &folder, const Changelog &log, QString *why)
{
    if (!folder.problems().isEmpty()) {
        *why = folder.problems().first().message;
        return {};
    }
    const QList<MigrationsFolder::PendingFile> &pending = folder.pending();
    QList<FileFacts> files;
    for (const MigrationsFolder::PendingFile &p : pending) {
        QFile file(p.path);
        if (!file.open(QIODevice::ReadOnly)) {
            *why = QStringLiteral("cannot read %1").arg(p.name);
            return {};
        }
        files << factsOf(file.readAll());
    }
    for (const Changelog::Entry &e : log.entries()) {
        for (qsizetype i = 0; i < pending.size(); ++i) {
            if (pending.at(i).name == e.file)
                files[i].days.insert(e.date);
        }
    }
    // The first pair of files, in run order, that change one relation on one
    // day with nothing between them that must stay apart.
    for (qsizetype a = 0; a < pending.size(); ++a) {
        if (files.at(a).outside)
            continue;
        for (qsizetype b = a + 1; b < pending.size() && !files.at(b).outside; ++b) {
            const QSet<QString> both = files.at(a).relations & files.at(b).relations;
            const QSet<QDate> sameDay = files.at(a).days & files.at(b).days;
            if (both.isEmpty() || sameDay.isEmpty())
                continue;
            // Extend over later files changing the same relations that day.
            qsizetype last = b;
            for (qsizetype c = b + 1; c < pending.size() && !files.at(c).outside; ++c) {
                if (!(files.at(c).relations & both).isEmpty()
                    && !(files.at(c).days & sameDay).isEmpty())
                    last = c;
            }
            QStringList names;
            QStringList relations(both.begin(), both.end());
            relations.sort();
            PendingRewrite r;
            QByteArray merged;
            for (qsizetype k = a; k <= last; ++k) {
                // A last statement without its ';' would run into the next
                // file's first one.
                QByteArray sql = files.at(k).sql;
                while (sql.endsWith('\n') || sql.endsWith(' ') || sql.endsWith('\r'))
                    sql.chop(1);
                sql = MigrationStatements::closed(sql) + '\n';
                if (!merged.isEmpty())
                    merged +=
                        merged.endsWith("\n\n") ? "" : (merged.endsWith('\n') ? "\n" : "\n\n");
                merged += sql;
                names << pending.at(k).name;
                r.originals.insert(pending.at(k).name, files.at(k).sql);
                r.fileMoves.insert(pending.at(k).name, pending.at(a).name);
                if (k > a)
                    r.removed << pending.at(k).name;
            }
            if (!merged.endsWith('\n'))
                merged += '\n';
            r.title = QStringLiteral("compact %1 into %2")
                          .arg(names.join(QStringLiteral(", ")), pending.at(a).name);
            const QDate day = *std::min_element(sameDay.begin(), sameDay.end());
            r.reason = QStringLiteral("%1 changed on %2 in %3 and %4")
                           .arg(relations.join(QStringLiteral(", ")), day.toString(Qt::ISODate),
                               pending.at(a).name, pending.at(b).name);
            r.files << PendingRewrite::fileOf(pending.at(a).name, merged);
            return r;
        }
    }
    *why = QStringLiteral("no table or view is changed in more than one pending file on one day");
    return {};
}

} // namespace tusk::core
