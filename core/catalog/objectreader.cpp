#include "objectreader.h"

#include "ddlwriter.h"

#include "core/pg/connection.h"
#include "core/sql/sqlidentifier.h"

#include <QFile>
#include <QTimer>

namespace tusk::core {

namespace {
QString objectSql(const QString &file)
{
    QFile f(QStringLiteral(":/sql/objects/%1.sql").arg(file));
    return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString();
}

bool isLockTimeout(const PgError &error)
{
    return error.sqlState == QLatin1String("55P03");
}

// The relation a DDL request is really about: sub-objects are written
// from a fresh read of their table.
Oid owningRelation(const CatalogSnapshot &snapshot, const CatalogObjectRef &ref)
{
    switch (ref.kind) {
    case CatalogObjectKind::Relation:
    case CatalogObjectKind::Column:
        return ref.oid;
    case CatalogObjectKind::Index:
        if (const DbIndex *x = snapshot.index(ref.oid))
            return x->relationOid;
        break;
    case CatalogObjectKind::Constraint:
        if (const DbConstraint *c = snapshot.constraint(ref.oid))
            return c->relationOid;
        break;
    case CatalogObjectKind::Trigger:
        for (const DbTrigger &t : snapshot.triggers()) {
            if (t.oid == ref.oid)
                return t.relationOid;
        }
        break;
    case CatalogObjectKind::Policy:
        for (const DbPolicy &p : snapshot.policies()) {
            if (p.oid == ref.oid)
                return p.relationOid;
        }
        break;
    default:
        break;
    }
    return 0;
}

// An object dropped since the snapshot (undefined_table, as the server
// would say).
PgError gone(const QString &message)
{
    return PgError::client(message, QStringLiteral("42P01"));
}
} // namespace

ObjectReader::ObjectReader(Connection *connection, QObject *parent)
    : QObject(parent)
    , m_connection(connection)
{
}

void ObjectReader::guarded(const QString &file, const QVariantList &params, Reply reply)
{
    if (!m_connection) {
        reply({}, PgError::client(QStringLiteral("no connection")));
        return;
    }
    const QString sql = objectSql(file);
    // A number from our own setting: safe inline (SET takes no parameters).
    m_connection->execute(
        QStringLiteral("BEGIN READ ONLY; SET LOCAL lock_timeout = %1").arg(m_lockTimeoutMs));
    m_connection->execute(sql, params, this, std::move(reply));
    // After a failed query COMMIT ends the transaction as a rollback.
    m_connection->execute(QStringLiteral("COMMIT"));
}

QString ObjectReader::describeHolders(const Result &holders)
{
    QStringList lines;
    for (int r = 0; r < holders.rowCount(); ++r) {
        const auto text = [&](const char *column) {
            return holders.text(r, holders.columnIndex(QLatin1String(column)));
        };
        QString who = QStringLiteral("session %1").arg(text("pid"));
        QStringList about;
        if (!text("user_name").isEmpty())
            about << text("user_name");
        if (!text("application_name").isEmpty())
            about << text("application_name");
        if (!about.isEmpty())
            who += QStringLiteral(" (%1)").arg(about.join(QStringLiteral(", ")));
        QString line = text("granted") == QLatin1String("t")
            ? QStringLiteral("%1 holds ACCESS EXCLUSIVE on %2").arg(who, text("relation"))
            : QStringLiteral("%1 waits for ACCESS EXCLUSIVE on %2").arg(who, text("relation"));
        if (!text("state").isEmpty()) {
            line += QStringLiteral(", %1").arg(text("state"));
            if (!text("transaction_seconds").isEmpty())
                line += QStringLiteral(" for %1 s").arg(text("transaction_seconds"));
        }
        if (!text("query").isEmpty())
            line += QStringLiteral(": ") + text("query");
        lines << line;
    }
    return lines.join(QLatin1Char('\n'));
}

QString ObjectReader::nameOf(const CatalogSnapshot &snapshot, Oid relationOid) const
{
    const DbRelation *r = snapshot.relation(relationOid);
    return r ? snapshot.qualifiedName(*r) : QStringLiteral("relation %1").arg(relationOid);
}

void ObjectReader::failLocked(const CatalogObjectRef &ref, Oid relationOid, const QString &what,
    const QString &purpose, const PgError &fallback)
{
    guarded(QStringLiteral("lock_holders"), {qlonglong(relationOid)},
        [=, this](const QList<Result> &results, const PgError &error) {
            QString holders;
            if (error.isNull() && !results.isEmpty())
                holders = describeHolders(results.last());
            const PgError message = holders.isEmpty()
                ? fallback
                : fallback.explained(
                    QStringLiteral("The %1 of %2 cannot be read until this lock is released:\n%3")
                        .arg(purpose, what, holders));
            if (purpose == QLatin1String("sizes"))
                emit sizesFailed(relationOid, message);
            else
                emit failed(ref, message);
        });
}

void ObjectReader::readDdl(const CatalogSnapshot &snapshot, const CatalogObjectRef &ref)
{
    // Answers that need no server come on the next turn of the event loop,
    // like the others, so callers see one order of events.
    auto answer = [this, ref](const QString &ddl) {
        QTimer::singleShot(0, this, [this, ref, ddl] { emit ddlReady(ref, ddl); });
    };
    switch (ref.kind) {
    case CatalogObjectKind::Schema:
        if (const DbSchema *s = snapshot.schema(ref.oid))
            return answer(DdlWriter::schema(*s));
        break;
    case CatalogObjectKind::Type:
        if (const DbType *t = snapshot.type(ref.oid))
            return answer(DdlWriter::type(snapshot, *t));
        break;
    case CatalogObjectKind::Extension:
        for (const DbExtension &e : snapshot.extensions()) {
            if (e.oid == ref.oid)
                return answer(DdlWriter::extension(snapshot, e));
        }
        break;
    case CatalogObjectKind::Function:
        if (const DbFunction *f = snapshot.function(ref.oid)) {
            const DbFunction function = *f;
            guarded(QStringLiteral("function_definition"), {qlonglong(ref.oid)},
                [this, ref, function, snapshot](
                    const QList<Result> &results, const PgError &error) {
                    if (!error.isNull()) {
                        emit failed(ref, error);
                        return;
                    }
                    if (results.isEmpty() || results.last().rowCount() == 0) {
                        emit failed(ref,
                            gone(QStringLiteral(
                                "%1 no longer exists: it was dropped after the snapshot was "
                                "taken (refresh)")
                                     .arg(snapshot.qualifiedName(
                                         function.schemaOid, function.name))));
                        return;
                    }
                    emit ddlReady(
                        ref, DdlWriter::function(snapshot, function, results.last().text(0, 0)));
                });
            return;
        }
        break;
    default:
        if (owningRelation(snapshot, ref)) {
            readRelationDdl(snapshot, ref);
            return;
        }
        break;
    }
    QTimer::singleShot(0, this, [this, ref] {
        emit failed(ref,
            PgError::client(
                QStringLiteral("the object is not in the snapshot"), QStringLiteral("42704")));
    });
}

void ObjectReader::readRelationDdl(const CatalogSnapshot &names, const CatalogObjectRef &ref)
{
    const Oid relationOid = owningRelation(names, ref);
    auto *loader = new CatalogSnapshotLoader(m_connection, this);
    CatalogSnapshotLoader::Options options;
    options.relationOid = relationOid;
    options.systemSchemas = true;
    options.lockTimeoutMs = m_lockTimeoutMs;
    const QString oldName = nameOf(names, relationOid);
    connect(
        loader, &CatalogSnapshotLoader::failed, this, [this, loader, ref](const PgError &error) {
            loader->deleteLater();
            emit failed(ref, error);
        });
    connect(loader, &CatalogSnapshotLoader::loaded, this,
        [this, loader, ref, names, relationOid, oldName](const CatalogSnapshot &fresh) {
            loader->deleteLater();
            const DbRelation *relation = fresh.relation(relationOid);
            if (!relation) {
                emit failed(ref,
                    gone(
                        QStringLiteral("%1 no longer exists: it was dropped after the snapshot was "
                                       "taken (refresh)")
                            .arg(oldName)));
                return;
            }
            const QString newName = fresh.qualifiedName(*relation);
            QString note;
            if (newName != oldName)
                note = QStringLiteral("-- renamed since the snapshot: was %1\n")
                           .arg(SqlIdentifier::commentText(oldName));
            if (!relation->lockedBy.isEmpty()) {
                failLocked(ref, relationOid, newName, QStringLiteral("DDL"),
                    PgError::client(
                        QStringLiteral("%1 is %2").arg(newName, DdlWriter::missingPiece(*relation)),
                        QStringLiteral("55P03")));
                return;
            }
            const DbRelation rel = *relation;
            auto write = [=, this](const QString &viewDefinition) {
                QString ddl;
                switch (ref.kind) {
                case CatalogObjectKind::Index:
                    if (const DbIndex *x = fresh.index(ref.oid))
                        ddl = DdlWriter::index(fresh, *x);
                    break;
                case CatalogObjectKind::Constraint:
                    if (const DbConstraint *c = fresh.constraint(ref.oid))
                        ddl = DdlWriter::constraint(fresh, *c);
                    break;
                case CatalogObjectKind::Trigger:
                    for (const DbTrigger &t : fresh.triggers()) {
                        if (t.oid == ref.oid)
                            ddl = DdlWriter::trigger(fresh, t);
                    }
                    break;
                case CatalogObjectKind::Policy:
                    for (const DbPolicy &p : fresh.policies()) {
                        if (p.oid == ref.oid)
                            ddl = DdlWriter::policy(fresh, p);
                    }
                    break;
                default:
                    ddl = DdlWriter::relation(fresh, rel, viewDefinition, names);
                }
                if (ddl.isEmpty()) {
                    emit failed(ref,
                        gone(QStringLiteral(
                            "the object no longer exists on %1: it was dropped after the "
                            "snapshot was taken (refresh)")
                                 .arg(newName)));
                    return;
                }
                emit ddlReady(ref, note + ddl);
            };
            const bool isView =
                rel.kind == RelationKind::View || rel.kind == RelationKind::MaterializedView;
            if (!isView || ref.kind != CatalogObjectKind::Relation) {
                write(QString());
                return;
            }
            guarded(QStringLiteral("view_definition"), {qlonglong(relationOid)},
                [=, this](const QList<Result> &results, const PgError &error) {
                    if (isLockTimeout(error)) {
                        failLocked(ref, relationOid, newName, QStringLiteral("DDL"), error);
                        return;
                    }
                    if (!error.isNull()) {
                        emit failed(ref, error);
                        return;
                    }
                    write(results.isEmpty() ? QString() : results.last().text(0, 0));
                });
        });
    loader->load(options);
}

void ObjectReader::readSizes(const CatalogSnapshot &snapshot, Oid relationOid)
{
    const CatalogObjectRef ref {CatalogObjectKind::Relation, relationOid, 0};
    const QString name = nameOf(snapshot, relationOid);
    guarded(QStringLiteral("exact_sizes"), {qlonglong(relationOid)},
        [=, this](const QList<Result> &results, const PgError &error) {
            if (isLockTimeout(error)) {
                failLocked(ref, relationOid, name, QStringLiteral("sizes"), error);
                return;
            }
            if (!error.isNull()) {
                emit sizesFailed(relationOid, error);
                return;
            }
            const Result &r = results.last();
            if (r.rowCount() == 0 || r.isNull(0, 2)) {
                emit failed(ref,
                    gone(QStringLiteral(
                        "%1 no longer exists: it was dropped after the snapshot was taken "
                        "(refresh)")
                             .arg(name)));
                return;
            }
            emit sizesReady(relationOid, r.text(0, 0).toLongLong(), r.text(0, 1).toLongLong(),
                r.text(0, 2).toLongLong());
        });
}

void ObjectReader::readDependents(Oid relationOid)
{
    guarded(QStringLiteral("dependents"), {qlonglong(relationOid)},
        [this, relationOid](const QList<Result> &results, const PgError &error) {
            if (!error.isNull() || results.isEmpty()) {
                emit dependentsFailed(relationOid,
                    error.isNull() ? PgError::client(QStringLiteral("no answer from the server"))
                                   : error);
                return;
            }
            const Result &r = results.last();
            const int object = r.columnIndex(QStringLiteral("object"));
            const int dependency = r.columnIndex(QStringLiteral("dependency"));
            QList<ObjectDependent> dependents;
            for (int row = 0; row < r.rowCount(); ++row)
                dependents.append({r.text(row, object), r.text(row, dependency)});
            emit dependentsReady(relationOid, dependents);
        });
}

} // namespace tusk::core
