#pragma once

#include "changeverifier.h"

#include <QObject>

#include <optional>

namespace tusk::core {

class Connection;

// Runs ChangeVerifier's checks of statements that just succeeded, on the
// session that ran them (so a change is seen as that session sees it), all
// queued at once right behind the change, and reports every verdict
// together; a new start() drops the answers of the one before. Asynchronous; the thread it lives
// on.
class ChangeVerification : public QObject {
    Q_OBJECT
public:
    explicit ChangeVerification(QObject *parent = nullptr);

    // Checks what `sql` promised; false (nothing run) when it promised
    // nothing a catalog query can confirm.
    bool start(Connection *session, const QByteArray &sql);

signals:
    void finished(const QList<tusk::core::ChangeVerifier::Verdict> &verdicts);

private:
    QList<ChangeVerifier::Check> m_checks;
    QList<std::optional<ChangeVerifier::Verdict>> m_verdicts;
    qsizetype m_answered = 0;
    quint64 m_run = 0;
};

} // namespace tusk::core
