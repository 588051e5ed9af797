#pragma once

// Helpers shared by Tusk's tests: the fixture's server, scratch folders and
// databases, and waiting for asynchronous replies on the event loop.

#include "core/pg/connection.h"

#include <QString>

namespace tusk::test {

// The throwaway cluster the CTest fixture started (TUSK_TEST_CLUSTER).
// Empty when the test runs outside the fixture; tests then fail, never skip.
core::ConnInfo clusterConnInfo(const QString &database = QStringLiteral("postgres"));
QString clusterMissingMessage();

// A fresh, empty folder under the tests' root (the old one is removed),
// reachable by the server's system user.
QString scratchFolder(const QString &name);
// Where tests leave files for people to look at (screenshots).
QString artifactPath(const QString &fileName);
// The GUI stall watchdog forgets the time since its last tick: what the
// test just did was its own work, not the window's.
void skipStallCount();
// Saves a QImage or QPixmap there (PNG by the name), the encoding left out
// of the stall count (tens of milliseconds the window never spends).
template<typename Picture>
bool saveArtifact(const Picture &picture, const QString &fileName)
{
    const bool saved = picture.save(artifactPath(fileName));
    skipStallCount();
    return saved;
}

// This process's resident memory (VmRSS), for benchmarks.
double residentMiB();

// Whole-file helpers; writeFile creates missing parent folders.
QByteArray readFile(const QString &path);
bool writeFile(const QString &path, const QByteArray &content);

// Runs `tusk <arguments>` ($TUSK_EXECUTABLE) in `workingDir` without DB_URL
// and DB_PROFILE, with `environment` ("NAME=value") on top, feeding `input`
// to stdin. Returns the exit code (-1 when it did not finish in 60 s);
// *output gets stdout and stderr together, unless `errors` is given: then
// stderr goes there.
int runTusk(const QStringList &arguments, const QString &workingDir, QString *output,
    const QStringList &environment = {}, const QByteArray &input = {}, QString *errors = nullptr);

// Opens and waits; returns the error, null on success.
core::PgError openAndWait(
    core::Connection &connection, const core::ConnInfo &info, int timeoutMs = 15000);

struct Reply {
    QList<core::Result> results;
    core::PgError error;
    bool finished = false;
    qint64 elapsedMs = 0;
};
// Runs one request through the signal API and waits for its end.
Reply runAndWait(core::Connection &connection, const QString &sql, const QVariantList &params = {},
    int timeoutMs = 60000);

// A database of a test's own, created on construction and dropped (with any
// sessions still in it) on destruction.
class ScratchDatabase {
public:
    explicit ScratchDatabase(const QString &prefix);
    ~ScratchDatabase();
    ScratchDatabase(const ScratchDatabase &) = delete;
    ScratchDatabase &operator=(const ScratchDatabase &) = delete;

    bool isValid() const { return m_error.isEmpty(); }
    QString error() const { return m_error; }
    QString name() const { return m_name; }
    core::ConnInfo connInfo() const { return clusterConnInfo(m_name); }

private:
    QString m_name;
    QString m_error;
};

} // namespace tusk::test
