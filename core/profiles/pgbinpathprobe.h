#pragma once

#include <QObject>
#include <QPointer>

class QProcess;

namespace tusk::core {

// PgBinPath::detect() without waiting: runs `pg_config --bindir` as a
// child process driven by its signals (at most 5 s), then falls back to
// Debian's folders and PATH as detect() does. The window uses it so the
// Profiles tool never blocks on a program it starts. The thread it lives
// on; found() comes exactly once per start().
class PgBinPathProbe : public QObject {
    Q_OBJECT
public:
    explicit PgBinPathProbe(QObject *parent = nullptr);
    ~PgBinPathProbe() override;

    void start();
    bool isRunning() const;

signals:
    // The folder of psql, empty when none was found.
    void found(const QString &folder);

private:
    void finish(const QString &fromPgConfig);

    QPointer<QProcess> m_process;
};

} // namespace tusk::core
