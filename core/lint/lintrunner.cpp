#include "lintrunner.h"

#include "core/sql/parsedscript.h"
#include "core/support/backgroundpool.h"

#include <QElapsedTimer>

namespace tusk::core {

LintRunner::LintRunner(TextSource text, QObject *parent)
    : QObject(parent)
    , m_text(std::move(text))
{
    // One thread: the GUI keeps the other core on a two-core machine.
    m_options.threads = 1;
    m_pause.setSingleShot(true);
    m_pause.setInterval(300);
    connect(&m_pause, &QTimer::timeout, this, &LintRunner::start);
}

LintRunner::~LintRunner() = default;

const LintEngine &LintRunner::engine()
{
    // Stateless rules: one for every editor. Never destroyed, so a lint
    // still running while the process ends keeps its rules.
    static const LintEngine *shared = new LintEngine;
    return *shared;
}

void LintRunner::setOptions(const LintOptions &options)
{
    m_options = options;
    m_options.threads = 1;
}

void LintRunner::setCatalog(std::shared_ptr<const SchemaFacts> catalog)
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
    // Named copies, not a structured binding: clang before 16 (the fuzz
    // build's) cannot capture one in a lambda.
    auto taken = m_text();
    const auto revision = taken.first;
    auto text = std::move(taken.second);
    m_running = true;
    const LintOptions options = m_options;
    const std::shared_ptr<const SchemaFacts> catalog = m_catalog;
    struct Linted {
        QList<Finding> findings;
        qint64 elapsedMs = 0;
    };
    BackgroundPool::run<Linted>(
        this,
        [text = std::move(text), options, catalog] {
            QElapsedTimer timer;
            timer.start();
            const ParsedScript script(text, 1);
            LintResult result = engine().lint(script, options, catalog.get());
            return Linted {std::move(result.findings), timer.elapsed()};
        },
        [this, revision](Linted &&done) {
            m_running = false;
            emit linted(revision, done.findings, done.elapsedMs);
            if (std::exchange(m_again, false))
                start();
        });
}

} // namespace tusk::core
