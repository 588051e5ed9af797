#pragma once

#include "connection.h"

#include <QElapsedTimer>
#include <QObject>

namespace tusk::core {

// The session of one editor tab: its own Connection (so a tab waiting on a
// lock never holds up another tab or the window), opened on first use,
// running one text at a time with its rows streamed out in batches, result
// set by result set (the view keeps them; ResultSetFeed in widgets fills
// its models). Everything is asynchronous; cancel() works at any moment.
// The thread it lives on.
class QueryRunner : public QObject {
    Q_OBJECT
public:
    enum class Transaction { NoSession, Idle, InTransaction, Failed };
    Q_ENUM(Transaction)

    explicit QueryRunner(QObject *parent = nullptr);
    ~QueryRunner() override;

    // Where to connect. A session open on other parameters is replaced at
    // the next run, unless a transaction is open on it.
    void setConnInfo(const ConnInfo &info);
    ConnInfo connInfo() const { return m_info; }
    bool hasConnInfo() const { return !m_info.isEmpty(); }
    // default_transaction_read_only for the session, from its next
    // transaction on (and after reconnects).
    void setReadOnly(bool readOnly);
    bool isReadOnly() const { return m_readOnly; }
    // Rows a view should keep per result set; 0: all. Rows past it are
    // counted (the batches still arrive: the count is the view's to keep).
    void setRowCap(qint64 rows) { m_rowCap = rows; }
    qint64 rowCap() const { return m_rowCap; }

    // Runs `sql` (one or more statements); false when a run is under way
    // or there is nowhere to connect.
    bool run(const QString &sql);
    void cancel();
    void commit() { runControl(QStringLiteral("COMMIT")); }
    void rollback() { runControl(QStringLiteral("ROLLBACK")); }

    bool isRunning() const { return m_request != 0; }
    // Since the running text was sent (or how long the last one took).
    qint64 elapsedMs() const;
    // The text of the current (or last) run, as sent.
    QString sentText() const { return m_sent; }
    Transaction transaction() const { return m_transaction; }
    Connection *connection() const { return m_connection; }

    static QString transactionName(Transaction transaction);

signals:
    void started();
    // A result set began (numbered from 0 in each run) with its first
    // batch; more batches follow as rowsArrived(), then resultSetFinished()
    // with its command tag ("SELECT 25000"; empty when an error cut it short).
    void resultSetStarted(int set, const tusk::core::Result &firstRows);
    void rowsArrived(int set, const tusk::core::Result &rows);
    void resultSetFinished(int set, const QString &commandTag, qint64 elapsedMs);
    // A statement without rows ended ("CREATE INDEX", "UPDATE 3").
    void commandDone(const QString &tag, qint64 elapsedMs);
    void notice(const tusk::core::PgError &notice);
    // The run ended; `error` is null on success.
    void finished(const tusk::core::PgError &error, qint64 elapsedMs);
    void transactionChanged(tusk::core::QueryRunner::Transaction transaction);
    // Connecting, lost, read-only switched…
    void message(const QString &text);

private:
    void ensureSession();
    void applyReadOnly();
    void runControl(const QString &sql);
    void onRows(quint64 id, const Result &rows);
    void onResult(quint64 id, const Result &result);
    void onFinished(quint64 id, const PgError &error);
    void updateTransaction();
    // Reports `rows` as the current set's, starting a new set first when none is open.
    void deliver(const Result &rows);

    Connection *m_connection = nullptr;
    ConnInfo m_info;
    bool m_readOnly = false;
    bool m_readOnlyApplied = false; // the session has our setting
    qint64 m_rowCap = 0;
    quint64 m_request = 0;
    quint64 m_control = 0;
    QString m_sent;
    QElapsedTimer m_clock;
    qint64 m_lastElapsed = 0;
    int m_set = -1; // the result set rows go to, -1 between sets
    int m_sets = 0; // sets begun in this run
    Transaction m_transaction = Transaction::NoSession;
};

} // namespace tusk::core
