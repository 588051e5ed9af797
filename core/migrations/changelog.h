#pragma once

#include <QByteArray>
#include <QDate>
#include <QList>
#include <QStringList>

#include <functional>

namespace tusk::core {

// The migrations folder's CHANGELOG.md: dated sections (`## YYYY-MM-DD`,
// newest first) of list entries. Tusk's own entries end in a marker naming
// the pending file they describe (`<!-- tusk: prerelease.sql -->`, hidden
// when rendered), so Tusk edits only those: it adds or extends today's
// section when a pending file changes and removes a file's entries when it
// is released. Every other byte the user wrote stays as it was; Tusk
// inserts and removes whole lines only. Pure text in, text out: the
// folder's single writer saves it.
class Changelog {
public:
    explicit Changelog(QByteArray text = {});

    // Tusk's entries for `pendingFile` under `date` (created in its place
    // among the dated sections when missing); an entry already there is not
    // repeated. A new changelog starts with "# Changelog".
    void addEntries(const QDate &date, const QString &pendingFile, const QStringList &entries);
    // Removes Tusk's entries for these files (released now), and a dated
    // section left with nothing but blank lines. Returns how many entries.
    int removeEntriesFor(const QStringList &pendingFiles);
    // Points Tusk's entries at other pending files after a split or a
    // compaction: `fileFor(file, text)` names the entry's new file (the same
    // one to keep it). An entry that then repeats one above it in its
    // section goes. Only the marker changes; returns how many entries moved.
    int reassignEntries(
        const std::function<QString(const QString &file, const QString &text)> &fileFor);

    struct Entry {
        QDate date;
        QString text;
        QString file; // the pending file of a Tusk entry; empty for the user's own
        int line = 0; // 1-based
    };
    QList<Entry> entries() const;
    // Dated sections out of order (not newest first), for `tusk migrate check`.
    QList<QDate> misorderedDates() const;
    // The first line (1-based) that is not UTF-8, or 0. Tusk's UTF-8 lines
    // in such a file would leave two encodings in one file: it is not edited.
    int firstNonUtf8Line() const;

    const QByteArray &text() const { return m_text; }

    static QString marker(const QString &pendingFile);

private:
    QList<QByteArray> lines() const;
    void setLines(const QList<QByteArray> &lines);

    QByteArray m_text;
};

} // namespace tusk::core
