#include "changeverification.h"

#include "core/pg/connection.h"

namespace tusk::core {

ChangeVerification::ChangeVerification(QObject *parent)
    : QObject(parent)
{
}

bool ChangeVerification::start(Connection *session, const QByteArray &sql)
{
    // What the whole text leaves behind: a table made and dropped again in
    // one run promises nothing to find.
    m_checks = ChangeVerifier::finalChecksFor(sql);
    m_verdicts = QList<std::optional<ChangeVerifier::Verdict>>(m_checks.size());
    m_answered = 0;
    const quint64 run = ++m_run; // replies of an earlier run are dropped
    if (m_checks.isEmpty() || !session)
        return false;
    // Queued together, right behind the statements that made the change,
    // so nothing the user runs next can come between them.
    for (qsizetype i = 0; i < m_checks.size(); ++i) {
        const ChangeVerifier::Check check = m_checks.at(i);
        session->execute(check.sql, check.params, this,
            [this, run, i, check](const QList<Result> &results, const PgError &error) {
                if (run != m_run)
                    return;
                m_verdicts[i] =
                    ChangeVerifier::judge(check, results.isEmpty() ? Result() : results.first(),
                        error.isNull() ? QString() : error.message);
                if (++m_answered == m_checks.size()) {
                    QList<ChangeVerifier::Verdict> out;
                    for (const auto &v : std::as_const(m_verdicts))
                        out << *v;
                    emit finished(out);
                }
            });
    }
    return true;
}

} // namespace tusk::core
