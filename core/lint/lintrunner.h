#pragma once

#include "lintengine.h"
#include "rule.h"

#include <QObject>
#include <QTimer>

#include <functional>
#include <memory>

namespace tusk::core {

// Lints an editor's text off the GUI thread once typing pauses: each change
// restarts a short timer; when it fires, the text is copied and parsed and
// linted on the BackgroundPool, and linted() brings the findings back with
// the revision they belong to. One lint runs at a time; changes made
// meanwhile are linted when it ends, so a long lint never queues up stale
// ones behind it. Destroying the runner never waits: a lint still running
// finishes on its own and its answer is dropped. Main thread.
class LintRunner : public QObject {
    Q_OBJECT
public:
    // `text` gives the current revision and its bytes (the editor's).
    using TextSource = std::function<std::pair<quint64, QByteArray>()>;

    explicit LintRunner(TextSource text, QObject *parent = nullptr);
    ~LintRunner() override;

    void setOptions(const LintOptions &options);
    LintOptions options() const { return m_options; }
    // The server's catalog, for sizes and volatility; null: none.
    void setCatalog(std::shared_ptr<const SchemaFacts> catalog);
    const std::shared_ptr<const SchemaFacts> &catalog() const { return m_catalog; }
    void setDelay(int milliseconds) { m_pause.setInterval(milliseconds); }

    // The text changed: lint it once typing pauses.
    void textChanged();
    // Lint now (a file opened, options changed).
    void lintNow();
    bool isBusy() const { return m_running || m_pause.isActive(); }

    static const LintEngine &engine();

signals:
    void linted(quint64 revision, const QList<tusk::core::Finding> &findings, qint64 elapsedMs);

private:
    void start();

    TextSource m_text;
    LintOptions m_options;
    std::shared_ptr<const SchemaFacts> m_catalog;
    QTimer m_pause;
    bool m_running = false;
    bool m_again = false; // the text changed while a lint ran
};

} // namespace tusk::core
