#include "pendingrewrite.h"

#include "migrationsfolder.h"

#include "core/lint/outsidetransaction.h"
#include "core/sql/parsedscript.h"

#include <QMap>

namespace tusk::core {

QString PendingRewrite::changelogFile(const QString &file, const QString &text) const
{
    const auto exact = entryMoves.constFind(entryKey(file, text));
    if (exact != entryMoves.constEnd())
        return *exact;
    return fileMoves.value(file, file);
}

PendingRewrite::File PendingRewrite::fileOf(const QString &name, const QByteArray &sql)
{
    File f {name, sql, {}, false};
    const ParsedScript script(sql, 1);
    for (const ParsedStatement &st : script.statements()) {
        QString line = QString::fromUtf8(
            script.source().bytes().mid(st.range.begin, st.range.end - st.range.begin))
                           .section(QLatin1Char('\n'), 0, 0)
                           .simplified();
        if (line.size() > 90)
            line = line.left(89) + QChar(0x2026);
        f.statements << line;
        f.outsideTransaction |= !OutsideTransaction::of(st.node).isNull();
    }
    return f;
}

QString PendingRewrite::preview() const
{
    QString out = title + QLatin1Char('\n');
    if (!reason.isEmpty())
        out += QStringLiteral("why: %1\n").arg(reason);
    for (const File &f : files) {
        // A file moved unchanged to a new number says where it came from.
        QString action = originals.contains(f.name) ? QStringLiteral("rewrite %1").arg(f.name)
                                                    : QStringLiteral("new %1").arg(f.name);
        for (auto it = fileMoves.constBegin(); it != fileMoves.constEnd(); ++it) {
            if (it.value() == f.name && it.key() != f.name && originals.value(it.key()) == f.sql)
                action = QStringLiteral("renumber %1 → %2").arg(it.key(), f.name);
        }
        out += QStringLiteral("%1 (%2 statement%3%4)\n")
                   .arg(action)
                   .arg(f.statements.size())
                   .arg(f.statements.size() == 1 ? QString() : QStringLiteral("s"))
                   .arg(f.outsideTransaction ? QStringLiteral(", runs outside a transaction")
                                             : QString());
        if (!action.startsWith(QLatin1String("renumber"))) {
            for (const QString &s : f.statements)
                out += QStringLiteral("    %1\n").arg(s);
        }
    }
    for (const QString &name : removed) {
        const QString to = fileMoves.value(name);
        const bool renumbered = !to.isEmpty() && to != name
            && std::any_of(files.begin(), files.end(),
                [&](const File &f) { return f.name == to && f.sql == originals.value(name); });
        if (!renumbered)
            out += QStringLiteral("remove %1\n").arg(name);
    }
    // Where each file's CHANGELOG entries go: by statement, else with the file.
    QMap<QString, QStringList> targets;
    for (auto it = entryMoves.constBegin(); it != entryMoves.constEnd(); ++it) {
        const QString file = it.key().section(QLatin1Char('\n'), 0, 0);
        if (!targets[file].contains(it.value()))
            targets[file] << it.value();
    }
    for (auto it = fileMoves.constBegin(); it != fileMoves.constEnd(); ++it) {
        if (!targets.contains(it.key()) && it.key() != it.value())
            targets[it.key()] << it.value();
    }
    QStringList moved;
    for (auto it = targets.constBegin(); it != targets.constEnd(); ++it) {
        QStringList to = it.value();
        std::sort(to.begin(), to.end(), [](const QString &a, const QString &b) {
            return MigrationsFolder::pendingNumber(a) < MigrationsFolder::pendingNumber(b);
        });
        moved << QStringLiteral("%1 → %2").arg(it.key(), to.join(QStringLiteral(", ")));
    }
    if (!moved.isEmpty())
        out += QStringLiteral("CHANGELOG.md: Tusk's entries follow their statements (%1)\n")
                   .arg(moved.join(QStringLiteral("; ")));
    return out;
}

} // namespace tusk::core
