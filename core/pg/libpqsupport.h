#pragma once

// The one header of core/pg that includes libpq-fe.h. Private to core: it
// turns libpq's C handles into the value types the rest of Tusk sees.

#include "pgerror.h"
#include "result.h"

#include <libpq-fe.h>

#include <memory>

namespace tusk::core::libpq {

struct ResultDeleter {
    void operator()(PGresult *result) const { PQclear(result); }
};
using ResultPtr = std::unique_ptr<PGresult, ResultDeleter>;

struct CancelDeleter {
    void operator()(PGcancel *cancel) const { PQfreeCancel(cancel); }
};
using CancelPtr = std::unique_ptr<PGcancel, CancelDeleter>;

// Rows, columns and tag of a PGRES_TUPLES_OK / PGRES_COMMAND_OK result.
Result toResult(const PGresult *result);
// The pieces of it, for rows that arrive one at a time (single-row mode).
QList<Result::Column> columns(const PGresult *result);
void addColumns(Result::Builder &builder, const PGresult *result);
void appendRow(Result::Builder &builder, const PGresult *result, int row);
void setCommandTag(Result::Builder &builder, const PGresult *result);

// The fields of an error or notice result (PG_DIAG_*).
PgError toError(const PGresult *result);

// What libpq says went wrong with the connection itself (PQerrorMessage),
// cleaned for people: the "connection to server ... failed:" prefix and the
// severity become detail, and a SQLSTATE is inferred where libpq gives none
// during connection setup (28P01 wrong password, 3D000 unknown database, ...).
PgError toConnectionError(const PGconn *conn, const QString &fallbackSqlState);

} // namespace tusk::core::libpq
