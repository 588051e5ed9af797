// Startup benchmark: starts `tusk` (no connection) on the X server in
// $DISPLAY, measures the time from launch until its main window is mapped
// (the X server's MapNotify, seen from outside the process) and its resident
// memory after 5 s idle. One warm-up run, then five measured runs; prints
// each run and the medians.
//
// Usage: xvfb-run -a bench_startup path/to/tusk [runs]

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QList>
#include <QProcess>
#include <QTemporaryDir>
#include <QTextStream>
#include <QThread>

#include <algorithm>
#include <cstdio>
#include <poll.h>
#include <xcb/xcb.h>

namespace {

struct Run {
    double mappedMs = -1;
    double rssMiB = -1;
};

double residentMiB(qint64 pid)
{
    QFile status(QStringLiteral("/proc/%1/status").arg(pid));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').first().toDouble() / 1024.0;
    }
    return -1;
}

// WM_CLASS of a window ("tusk\0tusk\0" for Qt's windows of `tusk`).
QByteArray windowClass(xcb_connection_t *x, xcb_window_t window)
{
    const auto cookie = xcb_get_property(x, 0, window, XCB_ATOM_WM_CLASS, XCB_ATOM_STRING, 0, 64);
    xcb_get_property_reply_t *reply = xcb_get_property_reply(x, cookie, nullptr);
    if (!reply)
        return {};
    const QByteArray value(static_cast<const char *>(xcb_get_property_value(reply)),
        xcb_get_property_value_length(reply));
    free(reply);
    return value;
}

// Waits until a top-level window of tusk is mapped; false on timeout.
bool waitForMap(xcb_connection_t *x, int timeoutMs)
{
    QElapsedTimer timer;
    timer.start();
    const int fd = xcb_get_file_descriptor(x);
    while (timer.elapsed() < timeoutMs) {
        while (xcb_generic_event_t *event = xcb_poll_for_event(x)) {
            xcb_window_t window = 0;
            if ((event->response_type & 0x7f) == XCB_MAP_NOTIFY)
                window = reinterpret_cast<xcb_map_notify_event_t *>(event)->window;
            free(event);
            if (window && windowClass(x, window).startsWith("tusk"))
                return true;
        }
        pollfd p {fd, POLLIN, 0};
        poll(&p, 1, 50);
    }
    return false;
}

Run measure(xcb_connection_t *x, const QString &tusk, const QProcessEnvironment &env)
{
    Run run;
    QProcess process;
    process.setProcessEnvironment(env);
    process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    QElapsedTimer timer;
    timer.start();
    process.start(tusk, {});
    if (!waitForMap(x, 20000)) {
        process.kill();
        process.waitForFinished();
        return run;
    }
    run.mappedMs = timer.nsecsElapsed() / 1e6;
    QThread::sleep(5);
    run.rssMiB = residentMiB(process.processId());
    process.terminate();
    if (!process.waitForFinished(5000)) {
        process.kill();
        process.waitForFinished();
    }
    return run;
}

double median(QList<double> values)
{
    std::sort(values.begin(), values.end());
    return values.isEmpty() ? -1 : values.at(values.size() / 2);
}

} // namespace

int main(int argc, char *argv[])
{
    QTextStream out(stdout);
    if (argc < 2) {
        out << "usage: bench_startup path/to/tusk [runs]\n";
        return 2;
    }
    const QString tusk = QString::fromLocal8Bit(argv[1]);
    const int runs = argc > 2 ? std::max(1, atoi(argv[2])) : 5;

    xcb_connection_t *x = xcb_connect(nullptr, nullptr);
    if (xcb_connection_has_error(x)) {
        out << "bench_startup: cannot open the X display (run it under xvfb-run)\n";
        return 1;
    }
    xcb_screen_t *screen = xcb_setup_roots_iterator(xcb_get_setup(x)).data;
    const uint32_t mask = XCB_EVENT_MASK_SUBSTRUCTURE_NOTIFY;
    xcb_change_window_attributes(x, screen->root, XCB_CW_EVENT_MASK, &mask);
    xcb_flush(x);

    // A clean environment: no connection to open, a fresh config, so the
    // figure is the window's own.
    QTemporaryDir home;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("DB_URL"));
    env.remove(QStringLiteral("QT_QPA_PLATFORM"));
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), home.path() + QStringLiteral("/config"));
    env.insert(QStringLiteral("TUSK_SANDBOX_DIR"), home.path() + QStringLiteral("/no-sandbox"));

    measure(x, tusk, env); // warm-up: page cache, font cache
    QList<double> mapped, rss;
    for (int i = 0; i < runs; ++i) {
        const Run run = measure(x, tusk, env);
        if (run.mappedMs < 0) {
            out << "bench_startup: the window was not mapped within 20 s\n";
            return 1;
        }
        mapped << run.mappedMs;
        rss << run.rssMiB;
        out << QStringLiteral("run %1: mapped after %2 ms, RSS after 5 s idle %3 MiB\n")
                   .arg(i + 1)
                   .arg(run.mappedMs, 0, 'f', 1)
                   .arg(run.rssMiB, 0, 'f', 1);
        out.flush();
    }
    out << QStringLiteral("startup_to_mapped_ms median=%1 (target <= 130)\n")
               .arg(median(mapped), 0, 'f', 1)
        << QStringLiteral("rss_after_5s_idle_MiB median=%1 (target <= 60)\n")
               .arg(median(rss), 0, 'f', 1);
    xcb_disconnect(x);
    return 0;
}
