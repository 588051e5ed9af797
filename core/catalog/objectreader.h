#pragma once

#include "catalogsnapshot.h"
#include "catalogsnapshotloader.h"

#include "core/pg/pgerror.h"

#include <QObject>
#include <QPointer>

#include <functional>

namespace tusk::core {

// Something that depends on a relation, as pg_depend and
// pg_describe_object() say (resources/sql/objects/dependents.sql).
struct ObjectDependent {
    QString object; // "view shop.order_totals", "trigger audit_orders on shop.orders"
    QString dependency; // "normal", "automatic"
};

class Connection;
class Result;

// Reads what the snapshot leaves out for one object, on demand and without
// blocking: its DDL (a relation is read again, by oid, with the snapshot's
// queries narrowed to it, plus pg_get_viewdef / pg_get_functiondef), and
// the exact sizes of a relation. Every read runs in a READ ONLY transaction
// with a short lock_timeout; when another session holds the object in
// ACCESS EXCLUSIVE the answer is a message naming that session and what it
// runs (resources/sql/objects/lock_holders.sql), never a wait.
//
// The session must serve this reader alone while it works (it opens and
// ends transactions on it).
class ObjectReader : public QObject {
    Q_OBJECT
public:
    explicit ObjectReader(Connection *connection, QObject *parent = nullptr);

    void setLockTimeout(int milliseconds) { m_lockTimeoutMs = milliseconds; }
    int lockTimeout() const { return m_lockTimeoutMs; }

    // DDL of an object of `snapshot`; ends in ddlReady() or failed().
    void readDdl(const CatalogSnapshot &snapshot, const CatalogObjectRef &ref);
    // Exact sizes of a relation; ends in sizesReady() or sizesFailed().
    void readSizes(const CatalogSnapshot &snapshot, Oid relationOid);
    // What depends on a relation besides its own constraints, defaults and
    // indexes; ends in dependentsReady() or dependentsFailed().
    void readDependents(Oid relationOid);

    // "session 4242 (alice, psql) holds ACCESS EXCLUSIVE on shop.orders, idle in
    // transaction for 35 s: ALTER TABLE …" for each row of lock_holders.sql.
    static QString describeHolders(const Result &holders);

signals:
    void ddlReady(const tusk::core::CatalogObjectRef &ref, const QString &ddl);
    void sizesReady(
        tusk::core::Oid relationOid, qint64 tableBytes, qint64 indexBytes, qint64 totalBytes);
    void failed(const tusk::core::CatalogObjectRef &ref, const tusk::core::PgError &error);
    void sizesFailed(tusk::core::Oid relationOid, const tusk::core::PgError &error);
    void dependentsReady(
        tusk::core::Oid relationOid, const QList<tusk::core::ObjectDependent> &dependents);
    void dependentsFailed(tusk::core::Oid relationOid, const tusk::core::PgError &error);

private:
    using Reply = std::function<void(const QList<Result> &, const PgError &)>;
    // One query in its own READ ONLY transaction with lock_timeout set.
    void guarded(const QString &file, const QVariantList &params, Reply reply);
    void readRelationDdl(const CatalogSnapshot &names, const CatalogObjectRef &ref);
    // Fails `ref` with who holds `relationOid`, or with `fallback`.
    void failLocked(const CatalogObjectRef &ref, Oid relationOid, const QString &what,
        const QString &purpose, const PgError &fallback);
    QString nameOf(const CatalogSnapshot &snapshot, Oid relationOid) const;

    QPointer<Connection> m_connection;
    int m_lockTimeoutMs = 1000;
};

} // namespace tusk::core
