#include "structuredplanreader.h"

#include <QJsonArray>
#include <QXmlStreamReader>

namespace tusk::core {

namespace {
constexpr int maxNesting = 4000;

// EXPLAIN's XML tags are its JSON keys with ' ' and '/' turned into '-'.
// Turning every '-' back into a space is right except for these.
QString keyOf(QStringView tag)
{
    QString key = tag.toString();
    key.replace(QLatin1Char('-'), QLatin1Char(' '));
    if (key.startsWith(QLatin1String("I O ")) || key.contains(QLatin1String(" I O ")))
        key.replace(QLatin1String("I O "), QLatin1String("I/O "));
    static const std::pair<const char *, const char *> hyphenated[] = {
        {"One Time Filter", "One-Time Filter"},
        {"Full sort Groups", "Full-sort Groups"},
        {"Pre sorted Groups", "Pre-sorted Groups"},
    };
    for (const auto &[spaced, real] : hyphenated)
        if (key == QLatin1String(spaced))
            return QString::fromLatin1(real);
    return key;
}

// Elements whose children are list entries rather than keys.
bool isListEntry(QStringView tag)
{
    return tag == u"Item" || tag == u"Plan" || tag == u"Worker" || tag == u"Trigger"
        || tag == u"Query";
}

class XmlReader {
public:
    XmlReader(const PsqlOutput &input, PlanParseError *error)
        : m_input(input)
        , m_error(error)
        , m_xml(input.text())
    {
    }

    QJsonValue read()
    {
        while (!m_xml.atEnd() && !m_xml.isStartElement())
            m_xml.readNext();
        if (!m_xml.isStartElement()) {
            fail(QStringLiteral("no XML element found"));
            return {};
        }
        // <explain><Query>…</Query></explain>: the Query element is the top object.
        const QJsonValue value = element();
        if (m_xml.hasError())
            fail(m_xml.errorString());
        return value;
    }

    void fail(const QString &message)
    {
        if (m_error->isError())
            return;
        // QXmlStreamReader counts lines from 1 and columns from 0 of the text.
        const int line = int(m_xml.lineNumber()) - 1;
        const int column = int(m_xml.columnNumber());
        *m_error = {
            message, m_input.originalLine(line, column), m_input.originalColumn(line, column)};
    }

private:
    // Reads the element the reader is on, up to its end tag.
    QJsonValue element()
    {
        if (++m_depth > maxNesting) {
            fail(QStringLiteral("nested too deeply"));
            return {};
        }
        const bool isSettings = m_xml.name() == u"Settings";
        QString text;
        QJsonObject object;
        QJsonArray array;
        bool hasChildren = false;
        bool list = false;
        while (!m_xml.atEnd()) {
            m_xml.readNext();
            if (m_xml.isCharacters()) {
                text += m_xml.text();
            } else if (m_xml.isStartElement()) {
                const QString tag = m_xml.name().toString();
                const bool entry = !isSettings && isListEntry(tag);
                if (!hasChildren)
                    list = entry;
                hasChildren = true;
                const QJsonValue child = element();
                if (m_error->isError() || m_xml.hasError())
                    return {};
                if (list)
                    array.append(child);
                else
                    object.insert(isSettings ? tag : keyOf(tag), child);
            } else if (m_xml.isEndElement()) {
                break;
            }
        }
        --m_depth;
        if (hasChildren)
            return list ? QJsonValue(array) : QJsonValue(object);
        return text;
    }

    const PsqlOutput &m_input;
    PlanParseError *m_error;
    QXmlStreamReader m_xml;
    int m_depth = 0;
};
} // namespace

QJsonObject StructuredPlanReader::readXml(const PsqlOutput &input, PlanParseError *error)
{
    XmlReader reader(input, error);
    QJsonValue value = reader.read();
    if (error->isError())
        return {};
    // <explain> holds one <Query> per statement.
    if (value.isArray())
        value = value.toArray().isEmpty() ? QJsonValue() : value.toArray().first();
    QJsonObject top = topObject(value, error);
    if (error->isError())
        error->line = input.originalLine(0, 0);
    return top;
}

} // namespace tusk::core
