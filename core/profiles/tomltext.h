#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>
#include <QVariantMap>

#include <memory>

namespace tusk::core {

// Where a TOML text is broken: toml++'s description, 1-based line and column.
struct TomlError {
    QString message;
    int line = 0;
    int column = 0;

    bool isNull() const { return message.isEmpty(); }
};

// A TOML document kept as its own text. Reading goes through toml++; every
// edit changes only the bytes it must (a value's span, a key's line, a table
// section), so comments, blank lines, key order and keys Tusk does not know
// survive. After each edit the text is parsed again; an edit that would
// break the document is refused and the text stays as it was.
class TomlText {
public:
    using Entries = QList<QPair<QString, QString>>; // key, TOML literal

    explicit TomlText(const QByteArray &utf8 = {});

    const QByteArray &text() const { return m_text; }
    bool isValid() const;
    TomlError error() const;

    // The document as nested QVariantMaps (tables), QVariantLists (arrays),
    // bool, qint64, double and QString (dates and times as ISO text).
    QVariantMap tree() const;
    // 1-based line of a table's [header], 0 when the table has none (implicit,
    // inline or dotted-key tables) or does not exist.
    int headerLine(const QStringList &table) const;
    // 1-based line where a key's value starts, 0 when absent.
    int valueLine(const QStringList &table, const QString &key) const;
    // Names of the sub-tables of `table`, in document order.
    QStringList childTables(const QStringList &table) const;

    // Edits. Each returns false with a reason and leaves the text unchanged.
    // setValue replaces an existing value in place (a trailing comment stays)
    // or adds the key at the end of the table's section; the table must
    // exist with a [header] or not exist at all (it is then created).
    bool setValue(
        const QStringList &table, const QString &key, const QString &literal, QString *error);
    bool removeKey(const QStringList &table, const QString &key, QString *error);
    // A new [table] with its keys: after the last section that shares its
    // parent (so a new [database.x] follows the other profiles), else before
    // the first section inside it, else at the end of the file.
    bool addTable(const QStringList &table, const Entries &entries, QString *error);
    // A new table placed above every other section (after the file's opening
    // comment), as `[configuration]` belongs at the top.
    bool addTableAtTop(const QStringList &table, const Entries &entries, QString *error);
    // Removes the section, its sub-sections and the comment lines directly
    // above its header.
    bool removeTable(const QStringList &table, QString *error);
    bool renameTable(const QStringList &table, const QString &newName, QString *error);

    // TOML spellings.
    static QString stringLiteral(const QString &value);
    static QString keyText(const QString &key);
    static QString pathText(const QStringList &path);

private:
    struct Parsed;

    void parse();
    bool commit(QByteArray candidate, QString *error);
    QString lineEnding() const;
    bool insertLines(int beforeLine, const QString &lines, QString *error);

    QByteArray m_text;
    std::shared_ptr<const Parsed> m_parsed;
};

} // namespace tusk::core
