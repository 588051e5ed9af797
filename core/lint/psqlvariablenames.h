#pragma once

#include "finding.h"

#include <QByteArray>
#include <QList>
#include <QRegularExpression>

namespace tusk::core {

struct LexedScript;

// The parser saw psql variables as placeholders (:name as _name, :"name" as
// "name", :'name' as 'name'); the findings about them should name the
// variable as the file does, and a fix must write the variable back, not
// its placeholder. Built once per lint; empty (and free) for the usual
// file without variables.
class PsqlVariableNames {
public:
    PsqlVariableNames(const QByteArray &source, const LexedScript &lexed);

    bool isEmpty() const { return m_names.isEmpty(); }
    void restore(Finding &finding) const;

private:
    struct Name {
        QRegularExpression placeholder;
        QString variable;
        // The placeholder as a fix may spell it without its quotes
        // (`orders` for :"orders"): a fix that does cannot be restored.
        QRegularExpression bare;
    };
    QString restored(QString text) const;

    QList<Name> m_names;
};

} // namespace tusk::core
