#pragma once

// A private PostgreSQL server with TLS for the TLS tests: a throwaway CA and a
// server certificate for "localhost" made with openssl, and a sandbox started
// with the real `tusk sandbox start --set ssl=on …`. The shared fixture
// cluster stays as it is (no TLS), so tests can use it as the plain server.

#include "core/pg/conninfo.h"

#include <QString>

namespace tusk::test {

class TlsTestServer {
public:
    // The database that accepts only TLS connections over TCP (pg_hba
    // rejects hostnossl for it); "postgres" takes both.
    static QString tlsOnlyDatabase() { return QStringLiteral("tls_only"); }

    TlsTestServer() = default;
    ~TlsTestServer();
    TlsTestServer(const TlsTestServer &) = delete;
    TlsTestServer &operator=(const TlsTestServer &) = delete;

    // Makes the certificates in `folder` and starts the server there; false
    // with error() when a step failed (the test then fails, never skips).
    bool start(const QString &folder);
    QString error() const { return m_error; }

    // The CA that signed the server's certificate, and one that did not.
    QString caFile() const { return m_folder + QStringLiteral("/ca.crt"); }
    QString otherCaFile() const { return m_folder + QStringLiteral("/other-ca.crt"); }
    QString serverFolder() const { return m_folder + QStringLiteral("/server"); }
    int port() const { return m_port; }
    QString password() const { return m_password; }

    // TCP to `host` on the server's port as the superuser, with its
    // password and `sslmode`; sslrootcert only when `rootCert` is given.
    core::ConnInfo tcp(const QString &host, const QString &sslmode, const QString &rootCert = {},
        const QString &database = QStringLiteral("postgres")) const;

private:
    bool makeCertificates();
    bool openssl(const QStringList &arguments);
    bool restrictAccess();

    QString m_folder;
    QString m_error;
    QString m_password;
    int m_port = 0;
    bool m_started = false;
};

} // namespace tusk::test
