#include "lintrunner.h"

#include "sql/parsedscript.h"

#include <QElapsedTimer>
#include <QPointer>

namespace tusk::widgets {

using namespace tusk::core;

LintRunner::LintRunner(TextSource text, QObject *parent)
    : QObject(parent)
    , m_text(std::move(text))
{
    // One thread: the GUI keeps the other core on a two-core machine.
    m_options.threads = 1;
    m_worker.setMaxThreadCount(1);
    m_pause.setSingleShot(true);
    m_pause.setInterval(300);
    connect(&m_pause, &QTimer::timeout, this, &LintRunner::start);
}

LintRunner::~LintRunner()
{
    m_worker.waitForDone();
}

const LintEngine &LintRunner::engine()
{
    static const LintEngine shared; // stateless rules: one for every editor
    return shared;
}

void LintRunner::setOptions(const LintOptions &options)
{
    m_options = options;
    m_options.threads = 1;
}

void LintRunner::setCatalog(std::shared_ptr<const LintCatalog> catalog)
{
    m_catalog = std::move(catalog);
}

void LintRunner::textChanged()
{
    m_pause.start();
}

void LintRunner::lintNow()
{
    m_pause.stop();
    start();
}

void LintRunner::start()
{
    if (m_running) {
        m_again = true;
        return;
    }
    auto [revision, text] = m_text();
    m_running = true;
    const LintOptions options = m_options;
    const std::shared_ptr<const LintCatalog> catalog = m_catalog;
    const QPointer<LintRunner> self(this);
    m_worker.start([self, revision, text = std::move(text), options, catalog] {
        QElapsedTimer timer;
        timer.start();
        const ParsedScript script(text, 1);
        LintResult result = engine().lint(script, options, catalog.get());
        const qint64 elapsedMs = timer.elapsed();
        // Back on the runner's thread; dropped if the runner is gone (its
        // destructor waits for this task, so it is alive until here).
        QMetaObject::invokeMethod(
            self.data(),
            [self, revision, findings = std::move(result.findings), elapsedMs] {
                if (!self)
                    return;
                self->m_running = false;
                emit self->linted(revision, findings, elapsedMs);
                if (std::exchange(self->m_again, false))
                    self->start();
            },
            Qt::QueuedConnection);
    });
}

} // namespace tusk::widgets
