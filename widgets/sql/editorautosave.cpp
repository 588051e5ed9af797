#include "editorautosave.h"

#include "core/preferences/preferences.h"

#include "core/files/userfilewriter.h"
#include "core/sql/sqlfile.h"

#include "core/support/backgroundpool.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <filesystem>
#include <system_error>

namespace tusk::widgets {

using core::FileWriteError;
using core::SqlFile;
using core::UserFileWriter;

namespace {
// The text is <id>.sql; what it belongs to is <id>.json beside it.
QJsonObject describe(const EditorAutosave::Entry &entry)
{
    return QJsonObject {{QStringLiteral("path"), entry.path}};
}
} // namespace

EditorAutosave::EditorAutosave(const QString &root)
    : m_root(root)
{
}

EditorAutosave::~EditorAutosave()
{
    // A Tusk that closed with nothing unsaved leaves nothing behind.
    if (m_lock && QDir(m_folder).isEmpty()) {
        QDir().rmdir(m_folder);
        m_lock->unlock();
    }
}

QString EditorAutosave::defaultRoot()
{
    return core::Preferences::instance()->autosaveFolder();
}

bool EditorAutosave::start(QString *error)
{
    const QString pid = QString::number(QCoreApplication::applicationPid());
    m_folder = m_root + QLatin1Char('/') + pid;
    std::error_code made;
    std::filesystem::create_directories(QFile::encodeName(m_folder).toStdString(), made);
    if (made) {
        // The system's words ("Read-only file system") follow untranslated,
        // as in every file error.
        *error = QCoreApplication::translate("EditorAutosave", "cannot create %1").arg(m_folder)
            + QStringLiteral(": ") + QString::fromStdString(made.message());
        return false;
    }
    auto lock =
        std::make_unique<QLockFile>(m_root + QLatin1Char('/') + pid + QStringLiteral(".lock"));
    lock->setStaleLockTime(0); // only a dead owner makes it stale
    if (!lock->tryLock(0)) {
        *error = QCoreApplication::translate("EditorAutosave", "cannot lock %1").arg(m_folder);
        return false;
    }
    m_lock = std::move(lock);
    return true;
}

QList<EditorAutosave::Entry> EditorAutosave::adoptOrphans(QString *error)
{
    QList<std::pair<QDateTime, Entry>> found;
    const QDir root(m_root);
    for (const QFileInfo &folder : root.entryInfoList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        // Our own folder holds buffers only when a dead Tusk had our pid.
        const bool ours = folder.absoluteFilePath() == QFileInfo(m_folder).absoluteFilePath();
        QLockFile owner(root.filePath(folder.fileName() + QStringLiteral(".lock")));
        owner.setStaleLockTime(0);
        // A live Tusk holds its lock; tryLock removes a stale one and takes it.
        if (!ours && !owner.tryLock(0))
            continue;
        QDir dir(folder.absoluteFilePath());
        for (const QFileInfo &text : dir.entryInfoList({QStringLiteral("*.sql")}, QDir::Files)) {
            const QString id = text.completeBaseName();
            const SqlFile::Loaded loaded = SqlFile::read(text.absoluteFilePath());
            if (!loaded.ok)
                continue;
            QFile meta(dir.filePath(id + QStringLiteral(".json")));
            QString path;
            if (meta.open(QIODevice::ReadOnly))
                path = QJsonDocument::fromJson(meta.readAll())
                           .object()
                           .value(QStringLiteral("path"))
                           .toString();
            Entry entry {id, path, loaded.text};
            if (ours) {
                // Buffers adopted above into our folder are there already.
                const bool adopted = std::any_of(found.cbegin(), found.cend(),
                    [&id](const auto &item) { return item.second.id == id; });
                if (!adopted)
                    found.append({text.lastModified(), entry});
                continue;
            }
            // Safe in our folder before the old copy goes; one that cannot
            // be written (a full disk) stays where it is for the next start.
            QString failure;
            if (!write(entry, &failure)) {
                if (error && error->isEmpty())
                    *error = failure;
                continue;
            }
            found.append({text.lastModified(), entry});
            QFile::remove(text.absoluteFilePath());
            QFile::remove(dir.filePath(id + QStringLiteral(".json")));
        }
        if (ours)
            continue;
        if (!dir.entryList({QStringLiteral("*.sql")}, QDir::Files).isEmpty()) {
            owner.unlock();
            continue;
        }
        dir.removeRecursively();
        owner.unlock();
        QFile::remove(root.filePath(folder.fileName() + QStringLiteral(".lock")));
    }
    std::sort(
        found.begin(), found.end(), [](const auto &a, const auto &b) { return a.first < b.first; });
    QList<Entry> entries;
    for (const auto &item : std::as_const(found))
        entries << item.second;
    return entries;
}

bool EditorAutosave::write(const Entry &entry, QString *error)
{
    return isStarted() && writeIn(m_folder, entry, error);
}

bool EditorAutosave::writeIn(const QString &folder, const Entry &entry, QString *error)
{
    const QString base = folder + QLatin1Char('/') + entry.id;
    // Unsaved text may be anything the user typed: only they may read it.
    UserFileWriter::Options options;
    options.permissions = UserFileWriter::Permissions::PrivateWhenNew;
    FileWriteError failure =
        UserFileWriter::writeFile(base + QStringLiteral(".sql"), entry.text.toUtf8(), options);
    if (failure.isNull())
        failure = UserFileWriter::writeFile(base + QStringLiteral(".json"),
            QJsonDocument(describe(entry)).toJson(QJsonDocument::Compact), options);
    *error = failure.message;
    return failure.isNull();
}

void EditorAutosave::writeLater(QObject *receiver, const Entry &entry,
    std::function<void(bool ok, const QString &error)> done) const
{
    struct Outcome {
        bool ok = false;
        QString error;
    };
    core::BackgroundPool::run<Outcome>(
        receiver,
        [folder = m_folder, entry] {
            Outcome outcome;
            outcome.ok = writeIn(folder, entry, &outcome.error);
            return outcome;
        },
        [done = std::move(done)](Outcome &&outcome) { done(outcome.ok, outcome.error); });
}

void EditorAutosave::remove(const QString &id)
{
    if (!isStarted())
        return;
    QFile::remove(m_folder + QLatin1Char('/') + id + QStringLiteral(".sql"));
    QFile::remove(m_folder + QLatin1Char('/') + id + QStringLiteral(".json"));
}

} // namespace tusk::widgets
