#pragma once

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

namespace tusk::core {

// A new set of pending files for a migrations folder, as a split or a
// compaction proposes it: shown to the user first (preview()), then handed
// to MigrationsWriter::apply(), which writes it in one step or not at all.
// It remembers the bytes of every file it replaces, so a file saved since
// the preview stops it instead of being overwritten.
struct PendingRewrite {
    struct File {
        QString name; // "2_prerelease.sql"
        QByteArray sql;
        QStringList statements; // each statement's first line, for the preview
        bool outsideTransaction = false; // holds a statement no transaction may wrap
    };

    QString title; // "split prerelease.sql into 3 files"
    QString reason; // why it is proposed
    QList<File> files; // written (new or changed), in the order they run
    QStringList removed; // pending files that go (not rewritten under their name)
    QHash<QString, QByteArray> originals; // every replaced or removed file, as read
    // Where Tusk's CHANGELOG entries go: by "file\ntext" first, then by file.
    QHash<QString, QString> entryMoves;
    QHash<QString, QString> fileMoves;

    bool isNull() const { return files.isEmpty(); }
    // The CHANGELOG file an entry of `file` reading `text` belongs to now.
    QString changelogFile(const QString &file, const QString &text) const;
    // What will happen, file by file, for the confirmation.
    QString preview() const;

    // A file of `sql` with its statements' first lines and whether one of
    // them must run outside a transaction.
    static File fileOf(const QString &name, const QByteArray &sql);
    static QString entryKey(const QString &file, const QString &text)
    {
        return file + QLatin1Char('\n') + text;
    }
};

} // namespace tusk::core
