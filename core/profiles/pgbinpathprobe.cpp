#include "pgbinpathprobe.h"

#include "pgbinpath.h"

#include <QDir>
#include <QProcess>
#include <QStandardPaths>
#include <QTimer>

namespace tusk::core {

namespace {
constexpr int kPgConfigLimitMs = 5000;
} // namespace

PgBinPathProbe::PgBinPathProbe(QObject *parent)
    : QObject(parent)
{
}

PgBinPathProbe::~PgBinPathProbe()
{
    if (m_process) {
        m_process->disconnect(this);
        m_process->kill();
    }
}

bool PgBinPathProbe::isRunning() const
{
    return !m_process.isNull();
}

void PgBinPathProbe::start()
{
    if (m_process)
        return;
    const QString pgConfig = QStandardPaths::findExecutable(QStringLiteral("pg_config"));
    if (pgConfig.isEmpty()) {
        // Reported from the event loop, like every other answer.
        QTimer::singleShot(0, this, [this] { finish({}); });
        return;
    }
    m_process = new QProcess(this);
    QProcess *process = m_process;
    connect(
        process, &QProcess::finished, this, [this, process](int code, QProcess::ExitStatus status) {
            const QString dir = code == 0 && status == QProcess::NormalExit
                ? QString::fromLocal8Bit(process->readAllStandardOutput()).trimmed()
                : QString();
            process->deleteLater();
            finish(dir);
        });
    connect(process, &QProcess::errorOccurred, this, [this, process](QProcess::ProcessError error) {
        if (error != QProcess::FailedToStart)
            return; // a crash or a kill ends in finished()
        process->deleteLater();
        finish({});
    });
    QTimer::singleShot(kPgConfigLimitMs, process, [process] { process->kill(); });
    process->start(pgConfig, {QStringLiteral("--bindir")});
}

void PgBinPathProbe::finish(const QString &fromPgConfig)
{
    m_process = nullptr;
    emit found(PgBinPath::holdsClientPrograms(fromPgConfig) ? QDir::cleanPath(fromPgConfig)
                                                            : PgBinPath::detectWithoutPgConfig());
}

} // namespace tusk::core
