#pragma once

#include "changeverifier.h"

#include <QObject>
#include <QPointer>

namespace tusk::core {

class Connection;

// Runs ChangeVerifier's checks of statements that just succeeded, on the
// session that ran them (so a change is seen as that session sees it), one
// query at a time through the connection's queue, and reports every
// verdict at once. Asynchronous; the thread it lives on.
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
    void next();

    QPointer<Connection> m_session;
    QList<ChangeVerifier::Check> m_checks;
    QList<ChangeVerifier::Verdict> m_verdicts;
};

} // namespace tusk::core
