#include "changeverification.h"

#include "core/pg/connection.h"

namespace tusk::core {

ChangeVerification::ChangeVerification(QObject *parent)
    : QObject(parent)
{
}

bool ChangeVerification::start(Connection *session, const QByteArray &sql)
{
    m_checks = ChangeVerifier::checksFor(sql);
    m_verdicts.clear();
    m_session = session;
    if (m_checks.isEmpty() || !session)
        return false;
    next();
    return true;
}

void ChangeVerification::next()
{
    if (m_verdicts.size() == m_checks.size() || !m_session) {
        emit finished(m_verdicts);
        return;
    }
    const ChangeVerifier::Check check = m_checks.at(m_verdicts.size());
    m_session->execute(check.sql, check.params, this,
        [this, check](const QList<Result> &results, const PgError &error) {
            m_verdicts << ChangeVerifier::judge(check,
                results.isEmpty() ? Result() : results.first(),
                error.isNull() ? QString() : error.message);
            next();
        });
}

} // namespace tusk::core
