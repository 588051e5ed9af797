#include "processwatch.h"

#include <QDir>
#include <QFile>
#include <QSet>

#include <algorithm>

namespace tusk::test {

namespace {
QByteArray slurp(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// /proc/<pid>/stat: "pid (comm) state ppid …"; comm may hold blanks and
// parentheses, so the fields after it are read from the last ')'.
int parentOf(const QByteArray &stat, QString *name)
{
    const int open = stat.indexOf('(');
    const int close = stat.lastIndexOf(')');
    if (open < 0 || close < open)
        return -1;
    *name = QString::fromUtf8(stat.mid(open + 1, close - open - 1));
    const QList<QByteArray> fields = stat.mid(close + 2).split(' ');
    return fields.size() > 1 ? fields.at(1).toInt() : -1;
}
} // namespace

bool ProcessWatch::poll()
{
    QMap<int, int> parents;
    QMap<int, QString> names;
    const QStringList entries = QDir(QStringLiteral("/proc")).entryList(QDir::Dirs);
    for (const QString &entry : entries) {
        bool isPid = false;
        const int pid = entry.toInt(&isPid);
        if (!isPid)
            continue;
        QString name;
        const int parent = parentOf(slurp(QStringLiteral("/proc/%1/stat").arg(pid)), &name);
        if (parent >= 0) {
            parents.insert(pid, parent);
            names.insert(pid, name);
        }
    }
    if (!parents.contains(m_root))
        return false;
    QSet<int> tree {m_root};
    for (bool grew = true; grew;) {
        grew = false;
        for (auto it = parents.constBegin(); it != parents.constEnd(); ++it) {
            if (!tree.contains(it.key()) && tree.contains(it.value())) {
                tree.insert(it.key());
                grew = true;
            }
        }
    }
    for (const int pid : std::as_const(tree)) {
        Seen now {pid, names.value(pid), slurp(QStringLiteral("/proc/%1/cmdline").arg(pid)),
            slurp(QStringLiteral("/proc/%1/environ").arg(pid))};
        const bool known = std::any_of(m_seen.cbegin(), m_seen.cend(), [&now](const Seen &s) {
            return s.pid == now.pid && s.name == now.name && s.cmdline == now.cmdline
                && s.environ == now.environ;
        });
        if (!known)
            m_seen << now;
    }
    return true;
}

QStringList ProcessWatch::names() const
{
    QStringList out;
    for (const Seen &s : m_seen) {
        if (!out.contains(s.name))
            out << s.name;
    }
    return out;
}

} // namespace tusk::test
