#include "confirmationpolicy.h"

#include "core/lint/lintengine.h"
#include "core/lint/lockmodel.h"
#include "core/sql/parsedscript.h"
#include "core/sql/statementeffects.h"
#include "core/support/severity.h"

#include <QCoreApplication>
#include <QStringList>

namespace tusk::core {

namespace {
constexpr int kListed = 5;
// Past this the question lists the statements without linting them: a
// dialog is no place for a whole dump, and linting it would keep the
// window waiting.
constexpr qsizetype kLintedBytes = 256 * 1024;

QString firstLine(const QString &statement)
{
    QString line = statement.section(QLatin1Char('\n'), 0, 0).simplified();
    if (line.size() > 100)
        line = line.left(99) + QChar(0x2026);
    return line;
}

const LintEngine &engine()
{
    static const LintEngine shared; // stateless rules: safe to share
    return shared;
}
} // namespace

QString ConfirmationPolicy::describeSchemaChanges(const QByteArray &sql, const SchemaFacts *facts)
{
    const ParsedScript script(sql); // several threads on a big script: the window waits
    const bool lint = sql.size() <= kLintedBytes;
    LintResult result;
    if (lint)
        result = engine().lint(script, LintOptions(), facts);
    QStringList out;
    int count = 0;
    for (const ParsedStatement &st : script.statements()) {
        const StatementEffect effect = StatementEffects::of(st.node);
        if (effect != StatementEffect::Schema && effect != StatementEffect::Unparsed)
            continue;
        if (++count > kListed)
            continue;
        const QString text = QString::fromUtf8(sql.mid(st.range.begin, st.range.size()));
        QString item = QStringLiteral("• %1").arg(firstLine(text));
        if (lint && st.index < result.locks.size()) {
            const RelationLock *lock = LockModel::strongest(result.locks.at(st.index));
            item += QStringLiteral("\n    ")
                + QCoreApplication::translate("ConfirmationPolicy", "lock: %1")
                      .arg(lock ? lock->describe()
                                : QCoreApplication::translate(
                                    "ConfirmationPolicy", "no table lock held for long"));
        }
        int verdicts = 0;
        for (const Finding &f : result.findings) {
            if (f.statement != st.index || ++verdicts > 3)
                continue;
            item += QStringLiteral("\n    ")
                + QCoreApplication::translate("ConfirmationPolicy", "lint: %1 %2: %3")
                      .arg(severityName(f.severity), f.rule, f.message);
        }
        if (lint && verdicts == 0)
            item += QStringLiteral("\n    ")
                + QCoreApplication::translate("ConfirmationPolicy", "lint: no finding");
        out << item;
    }
    if (count == 0)
        return {};
    if (count > kListed)
        out << QCoreApplication::translate("ConfirmationPolicy", "…and %1 more")
                   .arg(count - kListed);
    return out.join(QLatin1Char('\n'));
}

Confirmation ConfirmationPolicy::beforeRunning(
    const QByteArray &sql, bool readOnlySession, const SchemaFacts *facts) const
{
    if (m_readOnly || readOnlySession)
        return {};
    if (m_production) {
        QStringList changes;
        int count = 0;
        for (const auto &item : StatementEffects::ofScript(sql)) {
            if (!StatementEffects::changesSomething(item.effect))
                continue;
            if (++count <= kListed) {
                const QString first = item.text.section(QLatin1Char('\n'), 0, 0).left(100);
                changes
                    << QStringLiteral("• %1 (%2)").arg(first, StatementEffects::name(item.effect));
            }
        }
        if (count == 0)
            return {};
        if (count > kListed)
            changes << QCoreApplication::translate("ConfirmationPolicy", "…and %1 more")
                           .arg(count - kListed);
        QString text = QCoreApplication::translate("ConfirmationPolicy",
            "This profile is marked safety = \"production\". These statements "
            "change data or schema:\n\n%1")
                           .arg(changes.join(QLatin1Char('\n')));
        const QString structure = describeSchemaChanges(sql, facts);
        if (!structure.isEmpty())
            text += QStringLiteral("\n\n")
                + QCoreApplication::translate("ConfirmationPolicy", "Structure changes:\n%1")
                      .arg(structure);
        return {QCoreApplication::translate("ConfirmationPolicy", "Run on production?"),
            text + QStringLiteral("\n\n")
                + QCoreApplication::translate("ConfirmationPolicy", "Run them?")};
    }
    if (!m_approveSchemaChanges)
        return {};
    const QString structure = describeSchemaChanges(sql, facts);
    if (structure.isEmpty())
        return {};
    return {QCoreApplication::translate("ConfirmationPolicy", "Change the database structure?"),
        QCoreApplication::translate("ConfirmationPolicy",
            "These statements change the structure of the database:\n\n%1\n\nRun them? "
            "(confirm_ddl = false in the profile turns this question off.)")
            .arg(structure)};
}

} // namespace tusk::core
