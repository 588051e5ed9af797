#pragma once

#include "whatifcandidate.h"

#include "core/pg/conninfo.h"
#include "core/pg/pgerror.h"

#include <QByteArray>
#include <QObject>
#include <QPointer>

#include <memory>

namespace tusk::core {

class Connection;
class Plan;

// "What if this index existed?" with HypoPG: on a session of its own, makes
// sure the extension is there (CREATE EXTENSION IF NOT EXISTS hypopg, which
// needs the right to create it), explains the statement without ANALYZE,
// creates the candidate as a hypothetical index (hypopg_create_index: only
// this session's planner sees it, nothing is built or locked), explains
// again, and ends with hypopg_reset(). The two plans are estimates of the
// same statement, ready for PlanComparison. Nothing runs the statement.
// Asynchronous on the owner's thread; one run per object.
class WhatIfIndex : public QObject {
    Q_OBJECT
public:
    struct Outcome {
        PgError error; // null: both plans are there
        // HypoPG is missing or may not be created here: `error` says how to
        // get it, with the server's code (58P01 not installed, 42501 no right).
        bool needsHypopg = false;
        WhatIfCandidate candidate;
        QString createIndexSql; // the suggestion to run for real (CONCURRENTLY)
        QString hypotheticalName; // hypopg's name: "<16412>btree_orders_status"
        std::shared_ptr<const Plan> before;
        std::shared_ptr<const Plan> after;
        bool indexUsed = false; // the after plan reads through the hypothetical index
        double costBefore = 0; // the roots' total costs
        double costAfter = 0;
        // Hypothetical indexes the session still had after hypopg_reset():
        // 0 when the reset did its work, -1 when it was not reached.
        int hypotheticalLeft = -1;
        bool ok() const { return error.isNull(); }
    };

    explicit WhatIfIndex(QObject *parent = nullptr);
    ~WhatIfIndex() override;

    // Opens a session of its own on `info` and closes it when done.
    void start(const ConnInfo &info, const QByteArray &statement, const WhatIfCandidate &candidate);
    // Runs on an open session the caller keeps (tests look at it after).
    void startOn(
        Connection *session, const QByteArray &statement, const WhatIfCandidate &candidate);
    bool isRunning() const { return m_running; }

    // "HypoPG is not available on this server: install Debian's
    // postgresql-15-hypopg, then CREATE EXTENSION hypopg …"
    static QString howToGetHypopg(int serverMajorVersion);

signals:
    void finished(const tusk::core::WhatIfIndex::Outcome &outcome);

private:
    void begin(const QByteArray &statement, const WhatIfCandidate &candidate);
    void findExtension();
    void createExtension();
    void explainBefore();
    void createIndex();
    void explainAfter();
    void reset();
    void finish();
    void fail(const PgError &error);
    QString function(const char *name) const;

    std::unique_ptr<Connection> m_own;
    QPointer<Connection> m_session;
    QByteArray m_statement;
    QString m_extensionSchema;
    bool m_triedCreate = false;
    bool m_running = false;
    QString m_beforeText;
    QString m_afterText;
    Outcome m_outcome;
};

} // namespace tusk::core
