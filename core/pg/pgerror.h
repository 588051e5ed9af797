#pragma once

#include <QMetaType>
#include <QString>

namespace tusk::core {

// An error or notice as a value: what the server (or libpq) said, where in the
// statement, and how bad it is. Travels by signal to whatever shows it; it
// never carries a password.
struct PgError {
    // Where the error came from: the server's own report, a failure of the
    // connection itself, or a problem found on our side before sending.
    enum class Origin { None, Server, Connection, Client };

    Origin origin = Origin::None;
    QString sqlState; // five characters, e.g. "42601"; empty when unknown
    QString severity; // non-localised: ERROR, FATAL, PANIC, WARNING, NOTICE, ...
    QString message;
    QString detail;
    QString hint;
    QString context;
    int position = 0; // 1-based character offset into the statement, 0 = none
    int internalPosition = 0;
    QString internalQuery;
    QString schemaName;
    QString tableName;
    QString columnName;
    QString constraintName;

    bool isNull() const { return origin == Origin::None; }
    // `position` as a byte offset into `statement`, the UTF-8 text that was
    // sent (the server counts characters); -1 when there is no position.
    qsizetype byteOffsetIn(const QByteArray &statement) const;
    // True for SQLSTATE class 08 and for errors libpq reports when the
    // socket dies: the session is gone, whatever state it had is lost.
    bool isConnectionFailure() const;
    // 57014: the statement was cancelled (by us or by statement_timeout).
    bool isCancellation() const { return sqlState == QLatin1String("57014"); }

    // "ERROR 42601: syntax error at or near ..." plus DETAIL/HINT lines.
    QString toString() const;

    static PgError client(const QString &message, const QString &sqlState = {});
    // This error (origin, SQLSTATE, detail, hint kept) told as `sentence`:
    // a failure a step of Tusk's reports in its own words, with the
    // server's code still there to decide on.
    PgError explained(const QString &sentence) const;
    // What a request cancelled on our side ends with (57014).
    static PgError cancelled();
    static PgError connection(
        const QString &message, const QString &sqlState, const QString &detail = {});
};

} // namespace tusk::core

Q_DECLARE_METATYPE(tusk::core::PgError)
