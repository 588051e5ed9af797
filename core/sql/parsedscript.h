#pragma once

#include "parsedstatement.h"
#include "scriptlexer.h"
#include "sourcetext.h"
#include "treearena.h"

#include <QList>

#include <memory>
#include <vector>

namespace tusk::core {

// A script split into statements and parsed by PostgreSQL 15's own grammar
// (libpg_query): psql meta-commands and COPY data blanked first, statements
// found at ScriptLexer's top-level semicolons (so one bad statement never
// hides the rest, with pieces joined again where a body holds semicolons),
// each parsed on its own, large scripts on several threads. Owns the trees; immutable once
// built, so readers on any thread may share it.
class ParsedScript {
public:
    // `threads`: 0 for one per core on a big script, or how many to use.
    explicit ParsedScript(QByteArray script, int threads = 0);
    ~ParsedScript();
    ParsedScript(const ParsedScript &) = delete;
    ParsedScript &operator=(const ParsedScript &) = delete;

    const SourceText &source() const { return m_source; }
    const LexedScript &lexed() const { return m_lexed; }
    const QList<ParsedStatement> &statements() const { return m_statements; }
    // The grammar's version, "15.1" for Debian 12's libpg_query.
    static QString grammarVersion();

private:
    void split();
    void parseAll(int threads);
    void parseStatement(ParsedStatement &statement, TreeArena &arena) const;
    void mergeCutStatements();
    qsizetype trimTrailingComments(const QByteArray &masked, qsizetype begin, qsizetype end) const;

    SourceText m_source;
    LexedScript m_lexed;
    QList<ParsedStatement> m_statements;
    // The trees live in arenas (one per parsing thread), freed all at once.
    std::vector<std::unique_ptr<TreeArena>> m_arenas;
};

} // namespace tusk::core
