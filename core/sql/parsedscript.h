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
// found by the parser's split (or, when some statement does not parse, by
// ScriptLexer's semicolons, so one bad statement never hides the rest, with
// pieces joined again where a body holds semicolons), each parsed on its
// own, large scripts on several threads. Owns the trees; immutable once
// built, so readers on any thread may share it.
class ParsedScript {
public:
    explicit ParsedScript(QByteArray script);
    ~ParsedScript();
    ParsedScript(const ParsedScript &) = delete;
    ParsedScript &operator=(const ParsedScript &) = delete;

    const SourceText &source() const { return m_source; }
    const LexedScript &lexed() const { return m_lexed; }
    const QList<ParsedStatement> &statements() const { return m_statements; }
    // True when the parser could not split the whole script and the
    // lexer's split was used instead.
    bool usedScannerSplit() const { return m_scannerSplit; }

    // The grammar's version, "15.1" for Debian 12's libpg_query.
    static QString grammarVersion();

private:
    void split();
    void parseAll();
    void mergeSplitStatements();
    qsizetype trimTrailingComments(const QByteArray &masked, qsizetype begin, qsizetype end) const;

    SourceText m_source;
    LexedScript m_lexed;
    QList<ParsedStatement> m_statements;
    // The trees live in arenas (one per parsing thread), freed all at once.
    std::vector<std::unique_ptr<TreeArena>> m_arenas;
    bool m_scannerSplit = false;
};

} // namespace tusk::core
