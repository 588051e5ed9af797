#pragma once

#include "core/pg/conninfo.h"
#include "core/pg/pgerror.h"

#include <QElapsedTimer>
#include <QObject>

#include <memory>

namespace tusk::core {

class Connection;

// What a test connection found.
struct ConnectionTestOutcome {
    bool ok = false; // a session was opened (with fallbackSslMode, if set)
    QString serverVersion; // "15.18 (Debian …)"
    QString database;
    QString user;
    qint64 connectMs = 0; // open, including authentication
    double roundTripMs = 0; // one small query once open
    bool sslInUse = false;
    QString sslVersion; // TLSv1.3 …
    PgError error; // the first attempt's failure (null when it worked)
    // The ssl fallback of docs/profiles.md: the first attempt failed on ssl, the retry with
    // this sslmode worked. Saving it in the profile needs the user's yes.
    QString fallbackSslMode;
};

// Opens one connection with a profile's parameters, asks the server who it
// is, and closes. Asynchronous, like every network step in core. When the
// first attempt of sslmode=disable fails for a reason that involves SSL, one
// retry with require tells whether TLS would work; a profile that asks for
// TLS (require, verify-ca, verify-full) is never retried with less.
class ConnectionTest : public QObject {
    Q_OBJECT
public:
    explicit ConnectionTest(QObject *parent = nullptr);
    ~ConnectionTest() override;

    void start(const ConnInfo &info, bool trySslFallback = true);
    void cancel();
    bool isRunning() const { return m_connection != nullptr; }

    // Whether a connection failure involves TLS (worth the one retry with require).
    static bool isSslRelated(const PgError &error);

signals:
    void finished(const tusk::core::ConnectionTestOutcome &outcome);

private:
    void attempt(const ConnInfo &info);
    void onOpened();
    void onFailed(const PgError &error);
    void finish();

    std::unique_ptr<Connection> m_connection;
    ConnInfo m_info;
    bool m_fallback = false;
    bool m_retrying = false;
    QElapsedTimer m_timer;
    ConnectionTestOutcome m_outcome;
};

} // namespace tusk::core

Q_DECLARE_METATYPE(tusk::core::ConnectionTestOutcome)
