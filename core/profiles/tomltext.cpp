#include "tomltext.h"

#include "tomlheaderline.h"

#include <QRegularExpression>

#include <toml++/toml.h>

#include <algorithm>
#include <optional>
#include <sstream>

namespace tusk::core {

namespace {
QString fromStd(std::string_view text)
{
    return QString::fromUtf8(text.data(), qsizetype(text.size()));
}

QVariant toVariant(const toml::node &node);

QVariantMap toVariantMap(const toml::table &table)
{
    QVariantMap map;
    for (auto &&[key, value] : table)
        map.insert(fromStd(key.str()), toVariant(value));
    return map;
}

QVariant toVariant(const toml::node &node)
{
    if (const auto *table = node.as_table())
        return toVariantMap(*table);
    if (const auto *array = node.as_array()) {
        QVariantList list;
        for (const toml::node &element : *array)
            list << toVariant(element);
        return list;
    }
    if (const auto *text = node.as_string())
        return fromStd(text->get());
    if (const auto *integer = node.as_integer())
        return qint64(integer->get());
    if (const auto *floating = node.as_floating_point())
        return floating->get();
    if (const auto *boolean = node.as_boolean())
        return boolean->get();
    // Dates and times: their TOML spelling.
    std::ostringstream out;
    node.visit([&out](const auto &value) { out << value; });
    return QString::fromStdString(out.str());
}

bool isBlank(const QByteArray &line)
{
    return line.trimmed().isEmpty();
}

bool isComment(const QByteArray &line)
{
    return line.trimmed().startsWith('#');
}

QByteArray withoutEnding(QByteArray line)
{
    while (line.endsWith('\n') || line.endsWith('\r'))
        line.chop(1);
    return line;
}
} // namespace

struct TomlText::Parsed {
    toml::table root;
    TomlError error;
    bool ok = false;
    QList<QByteArray> lines; // each with its own line ending
    QList<TomlHeader> headers; // in document order

    // Bytes of line `line` (1-based) without its ending.
    QByteArray lineText(int line) const { return withoutEnding(lines.value(line - 1)); }
    int lineCount() const { return int(lines.size()); }

    qsizetype offsetOf(const toml::source_position &position) const
    {
        qsizetype offset = 0;
        for (int i = 0; i < int(position.line) - 1 && i < lines.size(); ++i)
            offset += lines[i].size();
        const QByteArray &line = lines.value(int(position.line) - 1);
        qsizetype byte = 0;
        for (unsigned column = 1; column < position.column && byte < line.size(); ++column) {
            const auto lead = uchar(line[byte]);
            byte += lead < 0x80 ? 1 : (lead >> 5) == 6 ? 2 : (lead >> 4) == 14 ? 3 : 4;
        }
        return offset + byte;
    }

    const toml::table *table(const QStringList &path) const
    {
        const toml::node *node = &root;
        for (const QString &name : path) {
            const toml::table *current = node->as_table();
            if (!current)
                return nullptr;
            node = current->get(name.toStdString());
            if (!node)
                return nullptr;
            if (const auto *array = node->as_array(); array && !array->empty())
                node = &array->back(); // the last [[array]] element
        }
        return node->as_table();
    }

    const TomlHeader *header(const QStringList &path) const
    {
        for (const TomlHeader &h : headers) {
            if (!h.array && h.path == path)
                return &h;
        }
        return nullptr;
    }

    int nextHeaderLine(int line) const
    {
        for (const TomlHeader &h : headers) {
            if (h.line > line)
                return h.line;
        }
        return 0;
    }

    // Lines that continue a value begun above (a multi-line string, array
    // or inline table): whatever they look like, they are not comments or
    // blank lines, and nothing may be inserted among them.
    QList<bool> insideValue;

    void markValues(const toml::node &node)
    {
        if (const toml::table *t = node.as_table(); t && !t->is_inline()) {
            for (const auto &[key, child] : *t)
                markValues(child);
            return;
        }
        if (const toml::array *a = node.as_array(); a && a->is_array_of_tables()) {
            for (const toml::node &element : *a)
                markValues(element);
            return;
        }
        const toml::source_region &region = node.source();
        for (auto line = int(region.begin.line) + 1; line <= int(region.end.line); ++line)
            if (line - 1 < insideValue.size())
                insideValue[line - 1] = true;
    }

    bool commentLine(int line) const
    {
        return !insideValue.value(line - 1) && isComment(lineText(line));
    }

    bool blankLine(int line) const
    {
        return !insideValue.value(line - 1) && isBlank(lineText(line));
    }

    // The first line of the comment block sitting directly on `line`.
    int attachedCommentStart(int line) const
    {
        while (line > 1 && commentLine(line - 1))
            --line;
        return line;
    }

    // The last line holding content of the section that starts at `line`
    // (0 = the root section before any header): later comment lines belong
    // to the next header, and blank lines to nobody.
    int contentEnd(int line) const
    {
        const int next = nextHeaderLine(line);
        int end = next ? next - 1 : lineCount();
        while (end > line && (blankLine(end) || commentLine(end)))
            --end;
        return end;
    }

    // The last line of the section starting at `line`, without the comment
    // block attached to the next header.
    int sectionEnd(int line) const
    {
        const int next = nextHeaderLine(line);
        return next ? attachedCommentStart(next) - 1 : lineCount();
    }
};

TomlText::TomlText(const QByteArray &utf8)
    : m_text(utf8)
{
    parse();
}

void TomlText::parse()
{
    auto parsed = std::make_shared<Parsed>();
    for (qsizetype start = 0; start < m_text.size();) {
        qsizetype end = m_text.indexOf('\n', start);
        end = end < 0 ? m_text.size() : end + 1;
        parsed->lines << m_text.mid(start, end - start);
        start = end;
    }
    try {
        parsed->root = toml::parse(std::string_view(m_text.constData(), size_t(m_text.size())));
    } catch (const toml::parse_error &e) {
        // (Debian's shared toml++ is its exceptions flavour.)
        parsed->error = {
            fromStd(e.description()), int(e.source().begin.line), int(e.source().begin.column)};
        m_parsed = parsed;
        return;
    }
    parsed->ok = true;
    parsed->insideValue = QList<bool>(parsed->lineCount(), false);
    parsed->markValues(parsed->root);
    // TomlHeader candidates are confirmed by the parser, so a line inside a
    // multi-line string that looks like one is not taken for one.
    for (int line = 1; line <= parsed->lineCount(); ++line) {
        std::optional<TomlHeader> header = TomlHeaderLine::read(parsed->lineText(line));
        if (!header)
            continue;
        header->line = line;
        const QStringList parent = header->path.mid(0, header->path.size() - 1);
        const toml::table *container = parsed->table(parent);
        const toml::node *node =
            container ? container->get(header->path.last().toStdString()) : nullptr;
        bool confirmed = false;
        if (node && header->array && node->is_array_of_tables()) {
            for (const toml::node &element : *node->as_array())
                confirmed |= int(element.source().begin.line) == line;
        } else if (node && !header->array && node->is_table()) {
            confirmed = int(node->source().begin.line) == line;
        }
        if (confirmed)
            parsed->headers << *header;
    }
    m_parsed = parsed;
}

bool TomlText::isValid() const
{
    return m_parsed->ok;
}

TomlError TomlText::error() const
{
    return m_parsed->error;
}

QVariantMap TomlText::tree() const
{
    return m_parsed->ok ? toVariantMap(m_parsed->root) : QVariantMap();
}

int TomlText::headerLine(const QStringList &table) const
{
    const TomlHeader *header = m_parsed->header(table);
    return header ? header->line : 0;
}

int TomlText::valueLine(const QStringList &table, const QString &key) const
{
    const toml::table *t = m_parsed->table(table);
    const toml::node *node = t ? t->get(key.toStdString()) : nullptr;
    return node ? int(node->source().begin.line) : 0;
}

QStringList TomlText::childTables(const QStringList &table) const
{
    const toml::table *t = m_parsed->table(table);
    if (!t)
        return {};
    QList<QPair<int, QString>> children;
    for (auto &&[key, value] : *t) {
        if (value.is_table())
            children << qMakePair(int(key.source().begin.line), fromStd(key.str()));
    }
    std::sort(children.begin(), children.end());
    QStringList names;
    for (const auto &child : children)
        names << child.second;
    return names;
}

QString TomlText::lineEnding() const
{
    return m_text.contains("\r\n") ? QStringLiteral("\r\n") : QStringLiteral("\n");
}

bool TomlText::commit(QByteArray candidate, QString *error)
{
    TomlText check(candidate);
    if (!check.isValid()) {
        // A bug in an edit, never the user's text: refuse, keep the file.
        *error = QStringLiteral("the edit would break the TOML (%1 at line %2); nothing changed")
                     .arg(check.error().message)
                     .arg(check.error().line);
        return false;
    }
    m_text = std::move(candidate);
    m_parsed = check.m_parsed;
    return true;
}

bool TomlText::insertLines(int beforeLine, const QString &lines, QString *error)
{
    const Parsed &p = *m_parsed;
    qsizetype offset = 0;
    for (int i = 0; i < beforeLine - 1 && i < p.lines.size(); ++i)
        offset += p.lines[i].size();
    QByteArray candidate = m_text;
    QByteArray inserted = lines.toUtf8();
    if (offset > 0 && !candidate.mid(0, offset).endsWith('\n'))
        inserted.prepend(lineEnding().toUtf8());
    candidate.insert(offset, inserted);
    return commit(candidate, error);
}

bool TomlText::setValue(
    const QStringList &table, const QString &key, const QString &literal, QString *error)
{
    if (!isValid()) {
        *error = QStringLiteral("the file is not valid TOML");
        return false;
    }
    const Parsed &p = *m_parsed;
    const toml::table *t = p.table(table);
    if (!t)
        return addTable(table, {{key, literal}}, error);
    if (const toml::node *node = t->get(key.toStdString())) {
        if (node->is_table()) {
            *error = QStringLiteral("%1 is a table, not a value")
                         .arg(pathText(QStringList(table) << key));
            return false;
        }
        QByteArray candidate = m_text;
        const qsizetype begin = p.offsetOf(node->source().begin);
        const qsizetype end = p.offsetOf(node->source().end);
        candidate.replace(begin, end - begin, literal.toUtf8());
        return commit(candidate, error);
    }
    int sectionLine = 0;
    if (!table.isEmpty()) {
        sectionLine = headerLine(table);
        // A table that exists only because [table.child] does gets its own
        // section now (TOML allows defining it after its children).
        const bool impliedByChild = !t->is_inline()
            && std::any_of(p.headers.begin(), p.headers.end(), [&table](const TomlHeader &h) {
                   return h.path.size() > table.size() && h.path.mid(0, table.size()) == table;
               });
        if (!sectionLine && impliedByChild)
            return addTable(table, {{key, literal}}, error);
        if (!sectionLine) {
            *error = QStringLiteral("[%1] is written as an inline table or with dotted keys; "
                                    "edit it by hand")
                         .arg(pathText(table));
            return false;
        }
    }
    const QString line = keyText(key) + QStringLiteral(" = ") + literal + lineEnding();
    return insertLines(p.contentEnd(sectionLine) + 1, line, error);
}

bool TomlText::removeKey(const QStringList &table, const QString &key, QString *error)
{
    const Parsed &p = *m_parsed;
    const toml::table *t = isValid() ? p.table(table) : nullptr;
    if (!t || !t->get(key.toStdString()))
        return true; // nothing to remove
    for (auto &&[k, value] : *t) {
        if (fromStd(k.str()) != key)
            continue;
        const int first = int(k.source().begin.line);
        const int last = int(value.source().end.line);
        const QByteArray before = p.lineText(first).left(
            p.offsetOf(k.source().begin) - p.offsetOf({k.source().begin.line, 1}));
        QByteArray after = p.lineText(last).mid(
            p.offsetOf(value.source().end) - p.offsetOf({value.source().end.line, 1}));
        if (!before.trimmed().isEmpty()
            || !(after.trimmed().isEmpty() || after.trimmed().startsWith('#'))) {
            *error = QStringLiteral("%1 shares its line with other TOML; edit it by hand")
                         .arg(pathText(QStringList(table) << key));
            return false;
        }
        QList<QByteArray> lines = p.lines;
        lines.remove(first - 1, last - first + 1);
        return commit(lines.join(), error);
    }
    return true;
}

bool TomlText::addTable(const QStringList &table, const Entries &entries, QString *error)
{
    if (!isValid()) {
        *error = QStringLiteral("the file is not valid TOML");
        return false;
    }
    const Parsed &p = *m_parsed;
    if (p.header(table)) {
        *error = QStringLiteral("[%1] exists already").arg(pathText(table));
        return false;
    }
    const QStringList parent = table.mid(0, table.size() - 1);
    auto startsWith = [](const QStringList &path, const QStringList &prefix) {
        return path.size() >= prefix.size() && path.mid(0, prefix.size()) == prefix;
    };
    int lastSibling = 0;
    int firstChild = 0;
    for (const TomlHeader &h : p.headers) {
        if (startsWith(h.path, table)) {
            if (!firstChild)
                firstChild = h.line;
        } else if (startsWith(h.path, parent) && h.path != parent) {
            lastSibling = h.line;
        }
    }
    const QString nl = lineEnding();
    QString text = QLatin1Char('[') + pathText(table) + QLatin1Char(']') + nl;
    for (const auto &entry : entries)
        text += keyText(entry.first) + QStringLiteral(" = ") + entry.second + nl;

    if (!lastSibling && firstChild) {
        const int before = p.attachedCommentStart(firstChild);
        return insertLines(before, text + nl, error);
    }
    const int after = lastSibling ? p.contentEnd(lastSibling) : p.lineCount();
    const bool needsGap = after > 0 && !p.blankLine(after);
    const bool followed = after < p.lineCount() && !p.blankLine(after + 1);
    return insertLines(
        after + 1, (needsGap ? nl : QString()) + text + (followed ? nl : QString()), error);
}

bool TomlText::addTableAtTop(const QStringList &table, const Entries &entries, QString *error)
{
    if (!isValid()) {
        *error = QStringLiteral("the file is not valid TOML");
        return false;
    }
    const Parsed &p = *m_parsed;
    if (p.headers.isEmpty())
        return addTable(table, entries, error);
    const int first = p.headers.first().line;
    int before = p.attachedCommentStart(first);
    if (before == 1)
        before = first; // the file's opening comment stays on top
    before = std::max(before, p.contentEnd(0) + 1); // root keys must precede any header
    const QString nl = lineEnding();
    QString text = QLatin1Char('[') + pathText(table) + QLatin1Char(']') + nl;
    for (const auto &entry : entries)
        text += keyText(entry.first) + QStringLiteral(" = ") + entry.second + nl;
    const bool needsGap = before > 1 && !p.blankLine(before - 1) && !p.commentLine(before - 1);
    return insertLines(before, (needsGap ? nl : QString()) + text + nl, error);
}

bool TomlText::removeTable(const QStringList &table, QString *error)
{
    if (!isValid()) {
        *error = QStringLiteral("the file is not valid TOML");
        return false;
    }
    if (!m_parsed->table(table))
        return true;
    QByteArray candidate = m_text;
    bool removedAny = false;
    // One section at a time, last first, each on a freshly parsed text.
    for (;;) {
        TomlText current(candidate);
        const Parsed &p = *current.m_parsed;
        const TomlHeader *target = nullptr;
        for (const TomlHeader &h : p.headers) {
            if (h.path.size() >= table.size() && h.path.mid(0, table.size()) == table)
                target = &h;
        }
        if (!target)
            break;
        const int first = p.attachedCommentStart(target->line);
        int last = p.sectionEnd(target->line);
        // Keep one blank line between the neighbours, not two.
        const bool blankBefore = first == 1 || isBlank(p.lineText(first - 1));
        while (blankBefore && last < p.lineCount() && isBlank(p.lineText(last + 1)))
            ++last;
        QList<QByteArray> lines = p.lines;
        lines.remove(first - 1, last - first + 1);
        candidate = lines.join();
        removedAny = true;
    }
    if (!removedAny) {
        *error = QStringLiteral("[%1] is written as an inline table or with dotted keys; "
                                "edit it by hand")
                     .arg(pathText(table));
        return false;
    }
    return commit(candidate, error);
}

bool TomlText::renameTable(const QStringList &table, const QString &newName, QString *error)
{
    if (!isValid() || table.isEmpty()) {
        *error = QStringLiteral("the file is not valid TOML");
        return false;
    }
    const Parsed &p = *m_parsed;
    QStringList renamed = table;
    renamed.last() = newName;
    if (p.table(renamed)) {
        *error = QStringLiteral("[%1] exists already").arg(pathText(renamed));
        return false;
    }
    QList<QByteArray> lines = p.lines;
    bool any = false;
    for (const TomlHeader &h : p.headers) {
        if (h.path.size() < table.size() || h.path.mid(0, table.size()) != table)
            continue;
        QStringList path = h.path;
        path[table.size() - 1] = newName;
        const QByteArray &line = lines[h.line - 1];
        const QByteArray open = h.array ? "[[" : "[";
        const QByteArray close = h.array ? "]]" : "]";
        lines[h.line - 1] =
            line.left(h.indent) + open + pathText(path).toUtf8() + close + line.mid(h.closeEnd);
        any = true;
    }
    if (!any) {
        *error = QStringLiteral("[%1] is written as an inline table or with dotted keys; "
                                "edit it by hand")
                     .arg(pathText(table));
        return false;
    }
    return commit(lines.join(), error);
}

QString TomlText::stringLiteral(const QString &value)
{
    QString out = QStringLiteral("\"");
    for (const QChar c : value) {
        switch (c.unicode()) {
        case '"':
            out += QLatin1String("\\\"");
            break;
        case '\\':
            out += QLatin1String("\\\\");
            break;
        case '\n':
            out += QLatin1String("\\n");
            break;
        case '\t':
            out += QLatin1String("\\t");
            break;
        case '\r':
            out += QLatin1String("\\r");
            break;
        default:
            if (c.unicode() < 0x20 || c.unicode() == 0x7f)
                out += QStringLiteral("\\u%1").arg(c.unicode(), 4, 16, QLatin1Char('0'));
            else
                out += c;
        }
    }
    return out + QLatin1Char('"');
}

QString TomlText::keyText(const QString &key)
{
    static const QRegularExpression bare(QStringLiteral("^[A-Za-z0-9_-]+$"));
    return bare.match(key).hasMatch() ? key : stringLiteral(key);
}

QString TomlText::pathText(const QStringList &path)
{
    QStringList keys;
    for (const QString &key : path)
        keys << keyText(key);
    return keys.join(QLatin1Char('.'));
}

} // namespace tusk::core
