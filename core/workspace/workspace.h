#pragma once

#include "confirmationpolicy.h"
#include "workspacetarget.h"

#include "core/catalog/catalogsession.h"
#include "core/catalog/catalogsnapshot.h"
#include "core/catalog/healthfinding.h"
#include "core/files/userfilewriter.h"
#include "core/pg/pgerror.h"
#include "core/pg/serverinfo.h"

#include <QObject>
#include <QPointer>
#include <QStringList>

#include <memory>

namespace tusk::core {

class Connection;
class SchemaFacts;
class SchemaFactsLoader;

// What every tool works on, once for the window (and once for a command):
// the target (profile, parameters, production and read-only flags,
// migrations folder), its primary session, what the target's database
// holds (the catalog snapshot with its health findings, the schema facts,
// the server's keywords), and the policies
// both faces ask through (confirmations; the file writer's options, which
// refuse released migrations). Tools follow its signals and never copy
// another tool's wiring. Lives on the GUI thread; nothing blocks.
class Workspace : public QObject {
    Q_OBJECT
public:
    // What the workspace reads of a ready target. The window reads all; a
    // command reads what it needs (tusk schema the catalog, tusk lint
    // --profile the schema facts), and a benchmark of one tool only its part.
    enum class Read { Catalog = 0x1, SchemaFacts = 0x2, Keywords = 0x4 };
    Q_DECLARE_FLAGS(Reads, Read)

    explicit Workspace(QObject *parent = nullptr);
    ~Workspace() override;

    void setReads(Reads reads) { m_reads = reads; }
    Reads reads() const { return m_reads; }
    // How the catalog is read: the window's quick snapshot first with
    // health checks; a command the whole snapshot at once (and system
    // schemas when asked).
    void setCatalogOptions(const CatalogSession::Options &options) { m_catalogOptions = options; }

    // Makes `target` current (targetChanged() at once: labels, flags and the
    // migrations folder apply even before the server answers) and, when it
    // has parameters, opens the primary session on them. A profile whose
    // password is still being looked up (or whose sandbox is starting) is
    // chosen first with empty parameters, then open()ed.
    void setTarget(const WorkspaceTarget &target);
    // Opens the primary session on `info` for the current target (its
    // parameters with a password found or typed). Once the session opens,
    // ready() follows and the target's catalog, schema facts and keywords
    // are read; a reconnect to the same parameters reads nothing again.
    void open(const ConnInfo &info);
    // Points the current target at another migrations folder (one the user
    // picked on the Rollout page) without reconnecting.
    void setMigrationsFolder(const QString &folder);
    const WorkspaceTarget &target() const { return m_target; }
    // The primary session: the window's status and title follow it; not
    // opened before the first target with parameters.
    Connection *session() const { return m_session; }
    bool isReady() const { return m_ready; }
    ServerInfo server() const;

    // The target database's catalog, read on the workspace's CatalogSession
    // (the Schema tool shows it and refreshes it); null before ready().
    CatalogSession *catalogSession() const;
    const CatalogSnapshot &catalog() const { return m_catalog; }
    const QList<HealthFinding> &healthFindings() const { return m_findings; }
    // What the linter knows of the target (sizes, types, volatility); null
    // until it is read or when it could not be.
    std::shared_ptr<const SchemaFacts> schemaFacts() const { return m_schemaFacts; }
    // Table sizes for the linter from the database the migration will run
    // on (the editor's "Table sizes from" setting, `--sizes-from` in the
    // CLI): read on a session of their own and put into schemaFacts(), so
    // a small table may lower a finding. An empty `info` goes back to the
    // target's own sizes, trusted only for a production target.
    void setSizesSource(const ConnInfo &info, const QString &label);
    const QString &sizesSourceLabel() const { return m_sizesLabel; }
    // pg_get_keywords() of the server, lower case; empty before it is read.
    const QStringList &serverKeywords() const { return m_keywords; }

    ConfirmationPolicy confirmationPolicy() const;
    // Options for UserFileWriter: the target's migrations folder protected.
    UserFileWriter::Options fileWriteOptions() const;

signals:
    void targetChanged();
    void migrationsFolderChanged();
    // The primary session opened on the current target (once per target):
    // tools open their own sessions now.
    void ready();
    void catalogChanged();
    void catalogFailed(const tusk::core::PgError &error);
    void schemaFactsChanged();
    void schemaFactsFailed(const tusk::core::PgError &error);
    void serverKeywordsChanged();
    void sizesSourceFailed(const tusk::core::PgError &error);

private:
    void onSessionOpened();
    void readTarget();
    void readCatalog();
    void readSchemaFacts();
    void readKeywords();
    void combineSchemaFacts();

    WorkspaceTarget m_target;
    Connection *m_session;
    bool m_ready = false;
    ConnInfo m_readFor; // the parameters the catalog was read for
    bool m_readsDone = false;
    QPointer<CatalogSession> m_catalogSession;
    QPointer<SchemaFactsLoader> m_factsLoader;
    CatalogSnapshot m_catalog;
    QList<HealthFinding> m_findings;
    std::shared_ptr<const SchemaFacts> m_schemaFacts; // what the linter gets
    std::shared_ptr<const SchemaFacts> m_targetFacts; // as read from the target
    std::shared_ptr<const SchemaFacts> m_sizeFacts; // from the sizes source
    QPointer<SchemaFactsLoader> m_sizesLoader;
    QString m_sizesLabel;
    QStringList m_keywords;
    CatalogSession::Options m_catalogOptions;
    Reads m_reads = Reads(Read::Catalog) | Read::SchemaFacts | Read::Keywords;
};

Q_DECLARE_OPERATORS_FOR_FLAGS(Workspace::Reads)

} // namespace tusk::core
