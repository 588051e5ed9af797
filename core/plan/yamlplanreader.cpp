#include "structuredplanreader.h"

#include <QJsonArray>

namespace tusk::core {

namespace {
constexpr int maxNesting = 4000;

// The YAML EXPLAIN writes is a small, regular subset: block mappings and
// sequences indented by two, keys without quotes, strings in JSON's double
// quotes, bare numbers and booleans. This reads exactly that subset.
class YamlReader {
public:
    YamlReader(const PsqlOutput &input, PlanParseError *error)
        : m_input(input)
        , m_error(error)
    {
        const QStringList &lines = input.lines();
        for (int i = 0; i < lines.size(); ++i) {
            const QString &s = lines.at(i);
            int indent = 0;
            while (indent < s.size() && s.at(indent) == u' ')
                ++indent;
            if (indent == s.size() || s.mid(indent) == QLatin1String("---"))
                continue;
            m_lines.append({indent, indent, s.mid(indent), i});
        }
    }

    QJsonValue read()
    {
        if (m_lines.isEmpty()) {
            m_error->message = QStringLiteral("the input is empty");
            return {};
        }
        const QJsonValue value = block(m_lines.front().indent);
        if (!m_error->isError() && m_pos < m_lines.size())
            fail(m_pos, 0, QStringLiteral("unexpected indentation"));
        return value;
    }

private:
    struct Line {
        int indent;
        int column; // of content in the PsqlOutput line
        QString content;
        int index; // PsqlOutput line
    };

    void fail(int pos, int offset, const QString &message)
    {
        if (m_error->isError())
            return;
        const Line &l = m_lines.at(std::min(pos, int(m_lines.size()) - 1));
        *m_error = {message, m_input.originalLine(l.index, l.column + offset),
            m_input.originalColumn(l.index, l.column + offset)};
    }

    QJsonValue block(int indent)
    {
        if (++m_depth > maxNesting) {
            fail(m_pos, 0, QStringLiteral("nested too deeply"));
            return {};
        }
        const QJsonValue value =
            isItem(m_lines.at(m_pos).content) ? sequence(indent) : mapping(indent);
        --m_depth;
        return value;
    }

    static bool isItem(const QString &content)
    {
        return content == QLatin1String("-") || content.startsWith(QLatin1String("- "));
    }

    QJsonValue sequence(int indent)
    {
        QJsonArray array;
        while (m_pos < m_lines.size() && !m_error->isError()) {
            Line &l = m_lines[m_pos];
            if (l.indent < indent)
                break;
            if (l.indent > indent || !isItem(l.content)) {
                fail(m_pos, 0,
                    l.indent > indent ? QStringLiteral("unexpected indentation")
                                      : QStringLiteral("expected a list item (\"- \")"));
                break;
            }
            const QString rest = l.content.mid(2);
            if (rest.trimmed().isEmpty()) {
                ++m_pos;
                array.append(m_pos < m_lines.size() && m_lines.at(m_pos).indent > indent
                        ? block(m_lines.at(m_pos).indent)
                        : QJsonValue());
            } else if (keyEnd(rest) >= 0) {
                // "- Key: value" opens a mapping whose keys sit two columns in.
                l.indent = indent + 2;
                l.column += 2;
                l.content = rest;
                array.append(block(indent + 2));
            } else {
                array.append(scalar(rest, m_pos, 2));
                ++m_pos;
            }
        }
        return array;
    }

    // Index of the ':' ending a key, or -1.
    static qsizetype keyEnd(const QString &content)
    {
        if (content.startsWith(QLatin1Char('"')))
            return -1;
        const qsizetype colon = content.indexOf(QLatin1String(": "));
        if (colon > 0)
            return colon;
        return content.endsWith(QLatin1Char(':')) ? content.size() - 1 : -1;
    }

    QJsonValue mapping(int indent)
    {
        QJsonObject object;
        while (m_pos < m_lines.size() && !m_error->isError()) {
            const Line l = m_lines.at(m_pos);
            if (l.indent < indent || (l.indent == indent && isItem(l.content)))
                break;
            if (l.indent > indent) {
                fail(m_pos, 0, QStringLiteral("unexpected indentation"));
                break;
            }
            const qsizetype colon = keyEnd(l.content);
            if (colon < 0) {
                fail(m_pos, 0, QStringLiteral("expected \"key: value\""));
                break;
            }
            const QString key = l.content.left(colon);
            const QString rest = l.content.mid(colon + 1).trimmed();
            const int here = m_pos++;
            if (!rest.isEmpty())
                object.insert(key, scalar(rest, here, int(l.content.indexOf(rest, colon))));
            else if (m_pos < m_lines.size() && m_lines.at(m_pos).indent > indent)
                object.insert(key, block(m_lines.at(m_pos).indent));
            else if (m_pos < m_lines.size() && m_lines.at(m_pos).indent == indent
                && isItem(m_lines.at(m_pos).content))
                object.insert(key, block(indent)); // a list at the key's own indentation
            else
                object.insert(key, QJsonArray()); // EXPLAIN's empty lists ("Triggers:")
        }
        return object;
    }

    QJsonValue scalar(const QString &text, int pos, int offset)
    {
        if (text.startsWith(QLatin1Char('"')))
            return quoted(text, pos, offset);
        if (text == QLatin1String("true") || text == QLatin1String("false"))
            return text == QLatin1String("true");
        if (text == QLatin1String("null") || text == QLatin1String("~"))
            return QJsonValue(QJsonValue::Null);
        bool ok = false;
        const double d = text.toDouble(&ok);
        if (ok)
            return d;
        return text;
    }

    QJsonValue quoted(const QString &text, int pos, int offset)
    {
        QString out;
        for (qsizetype i = 1; i < text.size(); ++i) {
            const QChar c = text.at(i);
            if (c == u'"') {
                if (i + 1 != text.size())
                    fail(pos, offset + int(i) + 1, QStringLiteral("text after the closing quote"));
                return out;
            }
            if (c != u'\\') {
                out += c;
                continue;
            }
            if (++i == text.size())
                break;
            switch (text.at(i).unicode()) {
            case 'n':
                out += u'\n';
                break;
            case 't':
                out += u'\t';
                break;
            case 'r':
                out += u'\r';
                break;
            case 'b':
                out += u'\b';
                break;
            case 'f':
                out += u'\f';
                break;
            case 'u': {
                bool ok = false;
                const ushort code = text.mid(i + 1, 4).toUShort(&ok, 16);
                if (!ok || i + 4 >= text.size()) {
                    fail(pos, offset + int(i), QStringLiteral("bad \\u escape"));
                    return out;
                }
                out += QChar(code);
                i += 4;
                break;
            }
            default:
                out += text.at(i);
            }
        }
        fail(pos, offset + int(text.size()), QStringLiteral("unterminated string"));
        return out;
    }

    const PsqlOutput &m_input;
    PlanParseError *m_error;
    QList<Line> m_lines;
    int m_pos = 0;
    int m_depth = 0;
};
} // namespace

QJsonObject StructuredPlanReader::readYaml(const PsqlOutput &input, PlanParseError *error)
{
    YamlReader reader(input, error);
    const QJsonValue value = reader.read();
    if (error->isError())
        return {};
    QJsonObject top = topObject(value, error);
    if (error->isError())
        error->line = input.originalLine(0, 0);
    return top;
}

} // namespace tusk::core
