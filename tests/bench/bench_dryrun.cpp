// The dry run of the demo's pending migration (resources/sql/demo-migrations/
// prerelease.sql), as `tusk rollout dry-run` runs it: the demo database is
// built in the throwaway cluster (once; DemoDatabase), then the command
// makes a scratch copy of it (a template copy, rows included), proves every
// step and drops the scratch. Prints the wall time of three runs, best and
// worst, and the marks. Target (issue 23): ≤ 30 s on the CI machine.
//
// Usage: bench_dryrun TUSK_EXECUTABLE PRERELEASE_SQL (needs TUSK_TEST_CLUSTER)

#include "testsupport.h"

#include "core/sandbox/demodatabase.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QSignalSpy>

#include <cstdio>

using namespace tusk::core;
using namespace tusk::test;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    if (argc < 3 || clusterConnInfo().isEmpty()) {
        std::fprintf(
            stderr, "usage: bench_dryrun TUSK PRERELEASE_SQL (under the cluster fixture)\n");
        return 2;
    }
    qputenv("TUSK_EXECUTABLE", argv[1]);
    QElapsedTimer build;
    build.start();
    DemoDatabase demo(clusterConnInfo());
    QSignalSpy finished(&demo, &DemoDatabase::finished);
    QSignalSpy failed(&demo, &DemoDatabase::failed);
    demo.create();
    while (finished.isEmpty() && failed.isEmpty())
        finished.wait(1000);
    if (!failed.isEmpty()) {
        std::fprintf(stderr, "the demo database could not be built: %s\n",
            qPrintable(failed.first().first().value<PgError>().toString()));
        return 1;
    }
    std::printf("demo database ready in %.1f s\n", double(build.elapsed()) / 1000);
    qint64 best = -1;
    qint64 worst = 0;
    QString output;
    for (int run = 0; run < 3; ++run) {
        QElapsedTimer timer;
        timer.start();
        const int code = runTusk(
            {QStringLiteral("rollout"), QStringLiteral("dry-run"), QString::fromLocal8Bit(argv[2]),
                QStringLiteral("--scratch"), clusterConnInfo().toUrl()},
            QString(), &output);
        const qint64 ms = timer.elapsed();
        best = best < 0 ? ms : std::min(best, ms);
        worst = std::max(worst, ms);
        std::printf("run %d: %.1f s (exit %d)\n", run + 1, double(ms) / 1000, code);
    }
    const QStringList lines = output.split(QLatin1Char('\n'));
    for (const QString &line : lines) {
        if (!line.startsWith(QLatin1String("    ")) && !line.startsWith(QLatin1String("tusk ")))
            std::printf("  %s\n", qPrintable(line));
    }
    std::printf("dry run of the demo's pending migration: best %.1f s, worst %.1f s "
                "(target <= 30 s)\n",
        double(best) / 1000, double(worst) / 1000);
    return 0;
}
