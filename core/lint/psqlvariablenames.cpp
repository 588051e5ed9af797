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
            pattern = QStringLiteral("(?<![\\w$\":])_%1(?![\\w$])");
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
            variable};
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
    for (TextEdit &edit : f.fix)
        edit.replacement = restored(QString::fromUtf8(edit.replacement)).toUtf8();
}

} // namespace tusk::core
