#include "psqlvariablenames.h"

#include "core/sql/scriptlexer.h"

#include <QSet>

namespace tusk::core {

PsqlVariableNames::PsqlVariableNames(const QByteArray &source, const LexedScript &lexed)
{
    QSet<QString> seen;
    for (const ScriptVariable &v : lexed.variables) {
        const QString variable =
            QString::fromUtf8(source.mid(v.range.begin, v.range.size())); // :name, :'name', :"name"
        if (seen.contains(variable))
            continue;
        seen.insert(variable);
        const QString name = variable.mid(v.kind == ScriptVariable::Kind::Text ? 1 : 2)
                                 .chopped(v.kind == ScriptVariable::Kind::Text ? 0 : 1);
        QString pattern;
        switch (v.kind) {
        case ScriptVariable::Kind::Text:
            // The parser folds the placeholder _MyVar to _myvar.
            pattern = QStringLiteral("(?i)(?<![\\w$\":])_%1(?![\\w$])");
            break;
        case ScriptVariable::Kind::Identifier:
            pattern = QStringLiteral("(?<!:)\"%1\"");
            break;
        case ScriptVariable::Kind::Literal:
            pattern = QStringLiteral("(?<!:)'%1'");
            break;
        }
        m_names << Name {QRegularExpression(pattern.arg(QRegularExpression::escape(name)),
                             QRegularExpression::UseUnicodePropertiesOption),
            variable,
            // Only a quoted identifier's value can reach a fix unquoted.
            v.kind == ScriptVariable::Kind::Identifier
                ? QRegularExpression(QStringLiteral("(?<![\\w$:\"'])%1(?![\\w$\"'])")
                                         .arg(QRegularExpression::escape(name)),
                    QRegularExpression::UseUnicodePropertiesOption)
                : QRegularExpression()};
    }
}

QString PsqlVariableNames::restored(QString text) const
{
    for (const Name &n : m_names) {
        if (text.contains(n.placeholder))
            text.replace(n.placeholder, n.variable);
    }
    return text;
}

void PsqlVariableNames::restore(Finding &f) const
{
    f.message = restored(f.message);
    f.relation = restored(f.relation);
    f.lock = restored(f.lock);
    f.note = restored(f.note);
    f.alternative = restored(f.alternative);
    for (TextEdit &edit : f.fix) {
        const QString text = restored(QString::fromUtf8(edit.replacement));
        // A rewrite that still names a variable's value without the
        // variable would write a different object: no fix then.
        for (const Name &n : m_names) {
            if (!n.bare.pattern().isEmpty() && text.contains(n.bare)) {
                f.fix.clear();
                f.note = (f.note.isEmpty() ? QString() : f.note + QStringLiteral("; "))
                    + QStringLiteral("no automatic fix: it would have to spell the psql variable "
                                     "%1")
                          .arg(n.variable);
                return;
            }
        }
        edit.replacement = text.toUtf8();
    }
}

} // namespace tusk::core
