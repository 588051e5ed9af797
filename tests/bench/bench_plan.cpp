// Plan viewer benchmark on a generated EXPLAIN (ANALYZE, BUFFERS, FORMAT
// JSON) of 10,000 nodes (tests/common/generatedplan):
//   - read + metrics (PlanReader::read of the file's bytes, as the Plan tool
//     and `tusk plan` read a file), insights, layout (PlanLayout): best and
//     median of 7, and their sum; target ≤ 300 ms,
//   - the scene's items (PlanScene::setPlan) and the whole viewer
//     (PlanViewer::setPlan: graph, grid, statistics, insights, details),
//   - folding the root's first subtree and unfolding it again,
//   - frame times while panning the graph (each step scrolls 40 px and
//     repaints the viewport synchronously), at 100 % (every card drawn in
//     full) and zoomed out to 5 % (thousands of cards, drawn as blocks);
//     target: no frame over 16 ms,
//   - resident memory of the process with the plan open, and its peak
//     while reading; target ≤ 150 MB.
// Usage: bench_plan [nodes [FILE]]   (QT_QPA_PLATFORM=offscreen, as ctest
// runs it); with FILE, only writes the generated plan there (to try it in
// `tusk plan` or the Plan tool).

#include "generatedplan.h"
#include "testsupport.h"

#include "widgets/plan/plangraphview.h"
#include "widgets/plan/planlayout.h"
#include "widgets/plan/planscene.h"
#include "widgets/plan/planviewer.h"

#include "core/plan/planinsight.h"
#include "core/plan/planreader.h"
#include "core/support/heaptrim.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QScrollBar>
#include <QTest>

#include <sys/resource.h>

#include <algorithm>
#include <cstdio>

using namespace tusk::core;
using namespace tusk::test;
using namespace tusk::widgets;

namespace {

double peakMiB()
{
    rusage usage {};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss / 1024.0;
}

struct Spread {
    double best = 0;
    double median = 0;
    double max = 0;
    double p99 = 0;
};

Spread spread(QList<double> values)
{
    std::sort(values.begin(), values.end());
    Spread s;
    s.best = values.first();
    s.median = values.at(values.size() / 2);
    s.max = values.last();
    s.p99 = values.at(std::min<qsizetype>(values.size() - 1, values.size() * 99 / 100));
    return s;
}

double ms(const QElapsedTimer &clock)
{
    return clock.nsecsElapsed() / 1e6;
}

// Pans horizontally across the plan, one synchronous repaint per step.
Spread panFrames(PlanGraphView *view, int steps)
{
    QScrollBar *bar = view->horizontalScrollBar();
    QScrollBar *vertical = view->verticalScrollBar();
    vertical->setValue(vertical->minimum() + (vertical->maximum() - vertical->minimum()) / 3);
    bar->setValue(bar->minimum());
    view->viewport()->repaint();
    QList<double> frames;
    for (int i = 0; i < steps; ++i) {
        QElapsedTimer clock;
        clock.start();
        bar->setValue(bar->value() + 40);
        view->viewport()->repaint();
        frames << ms(clock);
        if (bar->value() >= bar->maximum())
            bar->setValue(bar->minimum());
    }
    return spread(frames);
}

} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    configureHeap(); // as tusk's main() does
    const int nodes = argc > 1 ? std::max(1, atoi(argv[1])) : 10000;
    const double baseline = residentMiB();

    if (argc > 2) {
        QFile out(QString::fromLocal8Bit(argv[2]));
        return out.open(QIODevice::WriteOnly) && out.write(generatedPlanJson(nodes)) > 0 ? 0 : 1;
    }
    QByteArray json = generatedPlanJson(nodes); // as read from a file
    std::printf("plan: %d nodes, %.1f MB of JSON\n", nodes, json.size() / 1e6);
    returnFreedMemory();
    const double withText = residentMiB();

    QList<double> reads, insights, layouts, totals;
    PlanReader::Result result;
    for (int run = 0; run < 7; ++run) {
        result = {}; // one plan alive at a time, as in the Plan tool
        QElapsedTimer clock;
        clock.start();
        result = PlanReader::read(json);
        const double read = ms(clock);
        clock.restart();
        const QList<PlanInsight> found = PlanInsights::find(result.plan);
        const double insight = ms(clock);
        clock.restart();
        const PlanLayout layout =
            PlanLayout::compute(result.plan, QList<bool>(result.plan.nodes.size(), false));
        const double laid = ms(clock);
        if (!result.ok() || found.isEmpty() || layout.cards.size() != nodes) {
            std::fprintf(stderr, "bench_plan: the plan did not read: %s\n",
                qPrintable(result.error.toString()));
            return 1;
        }
        reads << read;
        insights << insight;
        layouts << laid;
        totals << read + insight + laid;
    }
    const double peakAfterRead = peakMiB();
    const Spread r = spread(reads), i = spread(insights), l = spread(layouts), t = spread(totals);
    std::printf("read + metrics: best %.1f ms, median %.1f ms\n", r.best, r.median);
    std::printf("insights:       best %.1f ms, median %.1f ms\n", i.best, i.median);
    std::printf("layout:         best %.1f ms, median %.1f ms\n", l.best, l.median);
    std::printf("parse + analyse + layout: best %.1f ms, median %.1f ms (target <= 300 ms); "
                "peak RSS so far %.1f MiB (target <= 150 MB)\n",
        t.best, t.median, peakAfterRead);

    auto plan = std::make_shared<const Plan>(std::move(result.plan));
    result = {};
    json.clear(); // the Plan tool keeps only the plan (its text is the plan's source)
    returnFreedMemory();
    const double withPlan = residentMiB();
    {
        PlanScene scene;
        QElapsedTimer clock;
        clock.start();
        scene.setPlan(plan, PlanInsights::find(*plan));
        std::printf("scene items (PlanScene::setPlan): %.1f ms\n", ms(clock));
    }

    PlanViewer viewer;
    viewer.resize(1400, 860);
    viewer.show();
    if (!QTest::qWaitForWindowExposed(&viewer))
        return 1;
    QElapsedTimer clock;
    clock.start();
    viewer.setPlan(plan, QStringLiteral("generated"));
    const double setPlan = ms(clock);
    QApplication::processEvents();
    const double firstPaint = ms(clock);
    returnFreedMemory(); // as the Plan tool does after reading a plan
    std::printf("viewer (PlanViewer::setPlan): %.1f ms; shown and painted after %.1f ms\n", setPlan,
        firstPaint);

    PlanGraphView *view = viewer.graphView();
    auto *scene = static_cast<PlanScene *>(view->scene());
    clock.restart();
    const int matches = int(scene->search(QStringLiteral("id = b.a_id")).size());
    std::printf("search over every node's type, object and conditions: %.1f ms (%d matches)\n",
        ms(clock), matches);
    clock.restart();
    scene->setCollapsed(scene->plan()->root().children.value(0), true);
    QApplication::processEvents();
    const double folded = ms(clock);
    clock.restart();
    scene->expandAll();
    QApplication::processEvents();
    std::printf("folding the first subtree: %.1f ms, unfolding it: %.1f ms\n", folded, ms(clock));

    view->setZoom(1.0);
    const Spread full = panFrames(view, 300);
    std::printf("panning at 100 %%: median %.2f ms, p99 %.2f ms, max %.2f ms per frame "
                "(target <= 16 ms)\n",
        full.median, full.p99, full.max);
    view->setZoom(0.05);
    const Spread far = panFrames(view, 300);
    std::printf("panning at 5 %%:   median %.2f ms, p99 %.2f ms, max %.2f ms per frame "
                "(target <= 16 ms)\n",
        far.median, far.p99, far.max);
    view->setZoom(0.3);
    const Spread mid = panFrames(view, 300);
    std::printf("panning at 30 %%:  median %.2f ms, p99 %.2f ms, max %.2f ms per frame "
                "(target <= 16 ms)\n",
        mid.median, mid.p99, mid.max);

    std::printf("resident memory: %.1f MiB with the plan open in the viewer, peak %.1f MiB "
                "(target <= 150 MB); %.1f MiB at start, %.1f with the plan's text, %.1f with "
                "the plan read\n",
        residentMiB(), peakMiB(), baseline, withText, withPlan);
    return 0;
}
