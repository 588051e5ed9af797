#include "changelog.h"

#include <QRegularExpression>
#include <QSet>
#include <QStringDecoder>

namespace tusk::core {

namespace {
const QRegularExpression &sectionHeading()
{
    static const QRegularExpression heading(QStringLiteral("^##\\s+(\\d{4}-\\d{2}-\\d{2})\\s*$"));
    return heading;
}

const QRegularExpression &tuskEntry()
{
    static const QRegularExpression entry(
        QStringLiteral("^[-*]\\s+(.*?)\\s*<!--\\s*tusk:\\s*(\\S+)\\s*-->\\s*$"));
    return entry;
}

QDate dateOf(const QByteArray &line)
{
    const QRegularExpressionMatch m = sectionHeading().match(QString::fromUtf8(line));
    return m.hasMatch() ? QDate::fromString(m.captured(1), Qt::ISODate) : QDate();
}

bool isBlank(const QByteArray &line)
{
    return line.trimmed().isEmpty();
}
} // namespace

Changelog::Changelog(QByteArray text)
    : m_text(std::move(text))
{
}

QString Changelog::marker(const QString &pendingFile)
{
    return QStringLiteral("<!-- tusk: %1 -->").arg(pendingFile);
}

// Lines without their ends; a last line without '\n' is kept as such by
// setLines() only when the text had none (never: Tusk ends what it writes).
QList<QByteArray> Changelog::lines() const
{
    QList<QByteArray> out = m_text.split('\n');
    if (!out.isEmpty() && out.last().isEmpty())
        out.removeLast();
    return out;
}

void Changelog::setLines(const QList<QByteArray> &lines)
{
    m_text = lines.isEmpty() ? QByteArray() : lines.join('\n') + '\n';
}

void Changelog::addEntries(
    const QDate &date, const QString &pendingFile, const QStringList &entries)
{
    if (entries.isEmpty())
        return;
    QList<QByteArray> all = lines();
    if (all.isEmpty())
        all << "# Changelog";
    // Today's section, or the place a new one goes: before the first older
    // date (newest first), else at the end.
    qsizetype section = -1;
    qsizetype insertAt = all.size();
    for (qsizetype i = 0; i < all.size(); ++i) {
        const QDate d = dateOf(all.at(i));
        if (!d.isValid())
            continue;
        if (d == date) {
            section = i;
            break;
        }
        if (d < date) {
            insertAt = i;
            break;
        }
    }
    if (section < 0) {
        // "## date" with a blank line above it (unless there is one) and
        // one below it when something follows.
        QList<QByteArray> block;
        if (insertAt > 0 && !isBlank(all.at(insertAt - 1)))
            block << QByteArray();
        section = insertAt + block.size();
        block << "## " + date.toString(Qt::ISODate).toUtf8();
        if (insertAt < all.size())
            block << QByteArray();
        for (qsizetype k = 0; k < block.size(); ++k)
            all.insert(insertAt + k, block.at(k));
    }
    // The end of the section's entries: before the next heading and the
    // blank lines above it.
    // Any heading ends a section (## 2026-…, a # title, ##\t…).
    qsizetype end = section + 1;
    while (end < all.size() && !all.at(end).startsWith('#'))
        ++end;
    while (end > section + 1 && isBlank(all.at(end - 1)))
        --end;
    QStringList present;
    for (qsizetype i = section + 1; i < end; ++i)
        present << QString::fromUtf8(all.at(i)).trimmed();
    qsizetype at = end;
    for (const QString &text : entries) {
        const QString line = QStringLiteral("- %1 %2").arg(text, marker(pendingFile));
        if (present.contains(line))
            continue;
        present << line;
        all.insert(at++, line.toUtf8());
    }
    if (at < all.size() && !isBlank(all.at(at)))
        all.insert(at, QByteArray());
    setLines(all);
}

int Changelog::removeEntriesFor(const QStringList &pendingFiles)
{
    QList<QByteArray> all = lines();
    // The headings of the sections that lose an entry now: only those may
    // go when left empty (a section the user left empty stays).
    QSet<QByteArray> emptied;
    QByteArray heading;
    QList<qsizetype> doomed;
    for (qsizetype i = 0; i < all.size(); ++i) {
        if (dateOf(all.at(i)).isValid())
            heading = all.at(i);
        const QRegularExpressionMatch m = tuskEntry().match(QString::fromUtf8(all.at(i)));
        if (m.hasMatch() && pendingFiles.contains(m.captured(2))) {
            doomed << i;
            emptied.insert(heading);
        }
    }
    if (doomed.isEmpty())
        return 0;
    for (qsizetype k = doomed.size() - 1; k >= 0; --k)
        all.removeAt(doomed.at(k));
    for (qsizetype i = 0; i < all.size(); ++i) {
        if (!dateOf(all.at(i)).isValid() || !emptied.contains(all.at(i)))
            continue;
        qsizetype next = i + 1;
        while (next < all.size() && isBlank(all.at(next)))
            ++next;
        if (next < all.size() && !all.at(next).startsWith('#'))
            continue;
        // The heading and the blank lines under it; one blank line stays
        // between what was above and what follows.
        all.remove(i, next - i);
        if (i > 0 && isBlank(all.at(i - 1)) && (i == all.size() || isBlank(all.at(i))))
            all.removeAt(i - 1);
        --i;
    }
    setLines(all);
    return int(doomed.size());
}

int Changelog::reassignEntries(
    const std::function<QString(const QString &file, const QString &text)> &fileFor)
{
    QList<QByteArray> all = lines();
    QSet<QByteArray> inSection;
    int moved = 0;
    for (qsizetype i = 0; i < all.size(); ++i) {
        if (all.at(i).startsWith('#')) {
            inSection.clear();
            continue;
        }
        const QRegularExpressionMatch m = tuskEntry().match(QString::fromUtf8(all.at(i)));
        if (!m.hasMatch()) {
            inSection.insert(all.at(i).trimmed());
            continue;
        }
        const QString file = fileFor(m.captured(2), m.captured(1));
        if (file != m.captured(2)) {
            // Only the marker changes: the bullet, spacing and a CR stay.
            QByteArray line = all.at(i);
            const qsizetype at = line.lastIndexOf("<!--"); // the marker matched above
            line.replace(at, line.indexOf("-->", at) + 3 - at, marker(file).toUtf8());
            all[i] = line;
            ++moved;
        }
        if (inSection.contains(all.at(i).trimmed())) {
            all.removeAt(i--);
            continue;
        }
        inSection.insert(all.at(i).trimmed());
    }
    setLines(all);
    return moved;
}

QList<Changelog::Entry> Changelog::entries() const
{
    QList<Entry> out;
    QDate date;
    const QList<QByteArray> all = lines();
    for (qsizetype i = 0; i < all.size(); ++i) {
        const QDate d = dateOf(all.at(i));
        if (d.isValid()) {
            date = d;
            continue;
        }
        const QString line = QString::fromUtf8(all.at(i));
        if (!date.isValid()
            || !(line.startsWith(QLatin1String("- ")) || line.startsWith(QLatin1String("* "))))
            continue;
        const QRegularExpressionMatch m = tuskEntry().match(line);
        out << Entry {date, m.hasMatch() ? m.captured(1) : line.mid(2).trimmed(),
            m.hasMatch() ? m.captured(2) : QString(), int(i) + 1};
    }
    return out;
}

int Changelog::firstNonUtf8Line() const
{
    QStringDecoder utf8(QStringDecoder::Utf8);
    const QList<QByteArray> all = m_text.split('\n');
    for (qsizetype i = 0; i < all.size(); ++i) {
        [[maybe_unused]] const QString decoded = utf8.decode(all.at(i)); // lazy until converted
        if (utf8.hasError())
            return int(i + 1);
    }
    return 0;
}

QList<QDate> Changelog::misorderedDates() const
{
    QList<QDate> out;
    QDate previous;
    for (const QByteArray &line : lines()) {
        const QDate d = dateOf(line);
        if (!d.isValid())
            continue;
        if (previous.isValid() && d > previous)
            out << d;
        previous = d;
    }
    return out;
}

} // namespace tusk::core
