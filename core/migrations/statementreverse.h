#pragma once

#include "core/catalog/catalogsnapshot.h"

#include <QList>
#include <QString>

struct PgQuery__Node;

namespace tusk::core {

class PriorCatalog;

// The inverse of each statement of a migration, for a down script: from
// the parse tree (libpg_query) and the catalog as it was before the script
// ran (DROP INDEX comes back as the index's pg_get_indexdef(), SET DEFAULT
// as the old default). Where no inverse gets the old state back (rows
// deleted, an enum value added, a view replaced whose old text the
// snapshot lacks) the inverse says so rather than guess. Statements that
// change nothing to undo (SET, BEGIN, VALIDATE CONSTRAINT) have an empty
// inverse. Pure and synchronous; usable on any thread.
class StatementReverse {
public:
    struct Inverse {
        // The inverse statement(s), each ending with ";"; empty when there
        // is nothing to undo; a "-- no safe inverse: …" comment when there
        // is no SQL at all.
        QString sql;
        // False: running `sql` does not bring the old state back whole
        // (`reason` says what is lost), or there is no inverse.
        bool safe = false;
        // One sentence for the user when !safe; otherwise what the inverse
        // relies on (or empty).
        QString reason;
        // The forward statement it inverts, as written.
        QString statement;

        // Unsafe but with SQL that restores the schema (DROP COLUMN: the
        // column's definition comes back, not its data).
        bool isPartial() const { return !safe && !sql.isEmpty() && !sql.startsWith(u'-'); }
    };

    // `snapshot`: the catalog before the script runs; with a null one,
    // every inverse that needs the old state is unsafe.
    explicit StatementReverse(const CatalogSnapshot &snapshot);

    // The inverses of the statements of `sql`, in forward order (the down
    // script runs them in reverse).
    QList<Inverse> reverse(const QString &sql) const;
    // The down script: the inverses in reverse order; unsafe ones headed by
    // "-- no safe inverse: <reason>" (or "-- partial inverse: <reason>" when
    // SQL follows) and the forward statement on one line.
    QString downScript(const QString &sql) const;
    static QString downScript(const QList<Inverse> &inverses);

    // One piece of an inverse: what undoes one subcommand or one object of
    // a statement. Internal to the implementation files.
    struct Piece {
        QString sql; // statements ending with ";", one per line or more
        bool safe = true;
        QString reason;
        // The key (PriorCatalog::Ident::key()) of the object the piece
        // acts on: when a later statement drops that object, its inverse
        // brings back the state before the script and this piece goes.
        QString object;
        // The key of the object this statement drops.
        QString voids;

        static Piece undo(const QString &sql, const QString &object = {});
        static Piece nothing(const QString &reason = {});
        static Piece none(const QString &reason, const QString &object = {});
        // SQL that brings the schema back but not all of the old state.
        static Piece partial(const QString &sql, const QString &reason, const QString &object = {});
        // No inverse: "needs the catalog from before the script for <what>".
        static Piece needsCatalog(const QString &what);
    };

private:
    using Pieces = QList<Piece>;
    Pieces reverseNode(const PgQuery__Node *node, PriorCatalog &prior, int statement) const;
    // statementreversealter.cpp
    Pieces alterTable(const PgQuery__Node *node, PriorCatalog &prior, int statement) const;
    // statementreversedrop.cpp: DROP, RENAME, COMMENT
    Pieces drop(const PgQuery__Node *node, PriorCatalog &prior) const;
    Pieces rename(const PgQuery__Node *node, PriorCatalog &prior) const;
    Pieces comment(const PgQuery__Node *node, PriorCatalog &prior) const;

    CatalogSnapshot m_snapshot;
};

} // namespace tusk::core
