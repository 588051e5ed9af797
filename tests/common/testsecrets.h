#pragma once

// Every password Tusk's tests hand to Tusk, in one place and one form: each
// holds TUSK_TEST_SECRET_MARKER, so secrets_scan (tests/secrets/) finds one
// wherever it lands in what the suite wrote (autosave, logs, CHANGELOG,
// sheets, JSON, SARIF, recordings, QSettings) and in the process list.
// The sandbox clusters' own passwords are random; the scan reads them from
// their superuser.password files.
//
// Macros, not QString constants: the tests splice them into string literals
// (URLs, keyword strings, file contents) and QStringLiteral().

#define TUSK_TEST_SECRET_MARKER "tusk-secret-"

// An '=' to quote in a keyword string and to escape (%3D) in a URL.
#define TUSK_TEST_PASSWORD_WITH_EQUALS TUSK_TEST_SECRET_MARKER "S3cr=t-pw"
#define TUSK_TEST_PASSWORD_WITH_EQUALS_IN_URL TUSK_TEST_SECRET_MARKER "S3cr%3Dt-pw"
// Every character a URL must escape.
#define TUSK_TEST_PASSWORD_URL_UNSAFE TUSK_TEST_SECRET_MARKER "p@ss word/?#"
// A DB_URL's password.
#define TUSK_TEST_PASSWORD_IN_DB_URL TUSK_TEST_SECRET_MARKER "s3cret"
// Passwords a server refuses.
#define TUSK_TEST_PASSWORD_WRONG TUSK_TEST_SECRET_MARKER "definitely-wrong-Pw"
#define TUSK_TEST_PASSWORD_NOT_IT TUSK_TEST_SECRET_MARKER "not-the-password"
#define TUSK_TEST_PASSWORD_STALE TUSK_TEST_SECRET_MARKER "stale"
// Written deliberately into a file the test made (pg_service.conf, TOML).
#define TUSK_TEST_PASSWORD_IN_SERVICE_FILE TUSK_TEST_SECRET_MARKER "left-behind"
#define TUSK_TEST_PASSWORD_SERVICE TUSK_TEST_SECRET_MARKER "secret"
#define TUSK_TEST_PASSWORD_IN_TOML TUSK_TEST_SECRET_MARKER "x"
// Keychain entries: a colon and a non-ASCII letter, then the overwrite.
#define TUSK_TEST_PASSWORD_KEYCHAIN TUSK_TEST_SECRET_MARKER "s3cr:t é"
#define TUSK_TEST_PASSWORD_KEYCHAIN_OTHER TUSK_TEST_SECRET_MARKER "other"
