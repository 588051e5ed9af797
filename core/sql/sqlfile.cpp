#include "sqlfile.h"

#include "core/files/userfilewriter.h"

#include <QFile>
#include <QFileInfo>

namespace tusk::core {

qsizetype SqlFile::firstInvalidUtf8(const QByteArray &bytes)
{
    const auto *p = reinterpret_cast<const unsigned char *>(bytes.constData());
    const qsizetype n = bytes.size();
    for (qsizetype i = 0; i < n;) {
        const unsigned char c = p[i];
        int extra = 0;
        char32_t min = 0;
        if (c < 0x80) {
            ++i;
            continue;
        } else if ((c & 0xE0) == 0xC0) {
            extra = 1;
            min = 0x80;
        } else if ((c & 0xF0) == 0xE0) {
            extra = 2;
            min = 0x800;
        } else if ((c & 0xF8) == 0xF0) {
            extra = 3;
            min = 0x10000;
        } else {
            return i;
        }
        char32_t code = c & (0x3F >> extra);
        for (int k = 1; k <= extra; ++k) {
            if (i + k >= n || (p[i + k] & 0xC0) != 0x80)
                return i;
            code = (code << 6) | (p[i + k] & 0x3F);
        }
        // Overlong forms, surrogates and code points past Unicode are not UTF-8.
        if (code < min || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF))
            return i;
        i += extra + 1;
    }
    return -1;
}

SqlFile::Loaded SqlFile::read(const QString &path, Encoding encoding)
{
    Loaded loaded;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        loaded.error = QStringLiteral("cannot open %1: %2").arg(path, file.errorString());
        return loaded;
    }
    QByteArray bytes = file.readAll();
    if (file.error() != QFileDevice::NoError) {
        loaded.error = QStringLiteral("cannot read %1: %2").arg(path, file.errorString());
        return loaded;
    }
    const QFileInfo info(path);
    loaded.size = bytes.size();
    loaded.modified = info.lastModified();
    if (encoding == Encoding::Latin1) {
        loaded.text = QString::fromLatin1(bytes);
        loaded.ok = true;
        return loaded;
    }
    if (bytes.startsWith("\xEF\xBB\xBF")) {
        bytes.remove(0, 3);
        loaded.hadBom = true;
    }
    loaded.badByteAt = firstInvalidUtf8(bytes);
    if (loaded.badByteAt >= 0) {
        loaded.notUtf8 = true;
        loaded.error = QStringLiteral("%1 is not UTF-8: byte %2 (0x%3) starts no UTF-8 character")
                           .arg(path)
                           .arg(loaded.badByteAt + (loaded.hadBom ? 3 : 0))
                           .arg(quint8(bytes.at(loaded.badByteAt)), 2, 16, QLatin1Char('0'));
        return loaded;
    }
    loaded.text = QString::fromUtf8(bytes);
    loaded.ok = true;
    return loaded;
}

FileWriteError SqlFile::write(
    const QString &path, const QString &text, const QStringList &migrationsFolders)
{
    UserFileWriter::Options options;
    options.migrationsFolders = migrationsFolders;
    return UserFileWriter::writeFile(path, text.toUtf8(), options);
}

} // namespace tusk::core
