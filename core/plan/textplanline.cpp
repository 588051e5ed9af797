#include "textplanline.h"

#include "planbuffers.h"
#include "textnodelabel.h"

#include <QJsonArray>
#include <QRegularExpression>
#include <QSet>

namespace tusk::core {

namespace {
using namespace Qt::Literals::StringLiterals;

QJsonValue number(const QString &text)
{
    QString s = text.trimmed();
    if (s.endsWith(u" ms"_s))
        s.chop(3);
    bool ok = false;
    const qlonglong i = s.toLongLong(&ok);
    if (ok)
        return QJsonValue(i);
    const double d = s.toDouble(&ok);
    return ok ? QJsonValue(d) : QJsonValue(text.trimmed());
}

// "25kB" → 25
QJsonValue kilobytes(const QString &text)
{
    QString s = text.trimmed();
    if (s.endsWith(u"kB"_s))
        s.chop(2);
    return number(s);
}

// Keys whose values are expressions or names: never numbers or lists.
bool isTextKey(const QString &key)
{
    static const QSet<QString> keys {u"Filter"_s, u"One-Time Filter"_s, u"Join Filter"_s,
        u"Index Cond"_s, u"Recheck Cond"_s, u"Hash Cond"_s, u"Merge Cond"_s, u"TID Cond"_s,
        u"Order By"_s, u"Run Condition"_s, u"Cache Key"_s, u"Cache Mode"_s, u"Remote SQL"_s,
        u"Sampling"_s, u"Repeatable Seed"_s, u"Relations"_s, u"Params Evaluated"_s,
        u"Conflict Resolution"_s, u"Conflict Filter"_s, u"Table Function Call"_s,
        u"Function Call"_s, u"Query Text"_s};
    return keys.contains(key);
}

bool isListKey(const QString &key)
{
    static const QSet<QString> keys {u"Output"_s, u"Sort Key"_s, u"Group Key"_s, u"Presorted Key"_s,
        u"Conflict Arbiter Indexes"_s, u"Partition Key"_s};
    return keys.contains(key);
}

// "shared hit=1 read=2, local written=3, temp read=4 written=5"
void readBuffers(const QString &text, QJsonObject *target)
{
    for (int c = 0; c < PlanBuffers::IoReadMs; ++c)
        target->insert(PlanBuffers::jsonKey(PlanBuffers::Counter(c)), 0);
    static const QRegularExpression word(
        u"(shared|local|temp)?\\s*(hit|read|dirtied|written)=(\\d+)"_s);
    QString kind = u"Shared"_s;
    for (const QString &group : text.split(u',')) {
        auto it = word.globalMatch(group);
        while (it.hasNext()) {
            const QRegularExpressionMatch m = it.next();
            if (!m.captured(1).isEmpty())
                kind = m.captured(1).at(0).toUpper() + m.captured(1).mid(1);
            QString what = m.captured(2);
            what[0] = what.at(0).toUpper();
            target->insert(kind + u' ' + what + u" Blocks"_s, number(m.captured(3)));
        }
    }
}

// "shared read=1.2 write=0.3, temp read=…" (15), "shared/local …" (14), or
// "read=1.2 write=0.3" (13 and older).
void readIoTimings(const QString &text, QJsonObject *target)
{
    static const QRegularExpression word(
        u"(shared/local|shared|local|temp)?\\s*(read|write)=([\\d.]+)"_s);
    QString kind;
    for (const QString &group : text.split(u',')) {
        auto it = word.globalMatch(group);
        while (it.hasNext()) {
            const QRegularExpressionMatch m = it.next();
            if (!m.captured(1).isEmpty())
                kind = m.captured(1);
            const QString what = m.captured(2) == u"read"_s ? u"Read"_s : u"Write"_s;
            QString key;
            if (kind == u"temp"_s)
                key = u"Temp I/O "_s + what + u" Time"_s;
            else if (kind == u"local"_s)
                key = u"Local I/O "_s + what + u" Time"_s;
            else
                key = u"I/O "_s + what + u" Time"_s;
            target->insert(key, number(m.captured(3)));
        }
    }
}

// "records=1 fpi=0 bytes=100" and the like into "<prefix>Records", …
void readWords(const QString &text, const QHash<QString, QString> &keys, QJsonObject *target)
{
    static const QRegularExpression word(u"([A-Za-z]+)=(\\S+)"_s);
    auto it = word.globalMatch(text);
    while (it.hasNext()) {
        const QRegularExpressionMatch m = it.next();
        const QString key = keys.value(m.captured(1));
        if (!key.isEmpty())
            target->insert(key, number(m.captured(2)));
    }
}

// "name = 'value', other = 'x'"
QJsonObject readSettings(const QString &text)
{
    QJsonObject settings;
    static const QRegularExpression entry(u"([\\w.]+) = '((?:[^']|'')*)'"_s);
    auto it = entry.globalMatch(text);
    while (it.hasNext()) {
        const QRegularExpressionMatch m = it.next();
        settings.insert(m.captured(1), QString(m.captured(2)).replace(u"''"_s, u"'"_s));
    }
    return settings;
}

// One "Key: value" of a line that may hold several, two spaces apart.
void readPart(const QString &key, const QString &value, const QString &lineKey, QJsonObject *target)
{
    if (key == u"Memory"_s || key == u"Disk"_s) { // after "Sort Method"
        target->insert(u"Sort Space Used"_s, kilobytes(value));
        target->insert(u"Sort Space Type"_s, key);
    } else if (key == u"Buckets"_s || (key == u"Batches"_s && lineKey == u"Buckets"_s)) {
        static const QRegularExpression re(u"^(\\d+)(?: \\(originally (\\d+)\\))?$"_s);
        const QRegularExpressionMatch m = re.match(value);
        const QString name = key == u"Buckets"_s ? u"Buckets"_s : u"Batches"_s;
        target->insert(u"Hash "_s + name, number(m.captured(1)));
        target->insert(u"Original Hash "_s + name,
            number(m.hasMatch() && !m.captured(2).isEmpty() ? m.captured(2) : m.captured(1)));
    } else if (key == u"Batches"_s) { // HashAggregate
        target->insert(u"HashAgg Batches"_s, number(value));
    } else if (key == u"Memory Usage"_s) {
        target->insert(u"Peak Memory Usage"_s, kilobytes(value));
    } else if (key == u"Disk Usage"_s) {
        target->insert(u"Disk Usage"_s, kilobytes(value));
    } else if (lineKey == u"Hits"_s) { // Memoize
        target->insert(u"Cache "_s + key, number(value));
    } else {
        target->insert(key, number(value));
    }
}
} // namespace

QStringList TextPlanLine::splitList(const QString &text)
{
    QStringList out;
    int depth = 0;
    QChar quote;
    qsizetype start = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (!quote.isNull()) {
            if (c == quote)
                quote = QChar();
        } else if (c == u'\'' || c == u'"') {
            quote = c;
        } else if (c == u'(' || c == u'[' || c == u'{') {
            ++depth;
        } else if (c == u')' || c == u']' || c == u'}') {
            --depth;
        } else if (c == u',' && depth == 0) {
            out << text.mid(start, i - start).trimmed();
            start = i + 1;
        }
    }
    const QString last = text.mid(start).trimmed();
    if (!last.isEmpty() || !out.isEmpty())
        out << last;
    return out;
}

bool TextPlanLine::readActuals(const QString &text, QJsonObject *target)
{
    static const QRegularExpression re(
        u"^actual (?:time=([\\d.]+)\\.\\.([\\d.]+) )?rows=([\\d.]+) loops=(\\d+)$"_s);
    const QRegularExpressionMatch m = re.match(text.trimmed());
    if (!m.hasMatch())
        return false;
    if (!m.captured(1).isEmpty()) {
        target->insert(u"Actual Startup Time"_s, number(m.captured(1)));
        target->insert(u"Actual Total Time"_s, number(m.captured(2)));
    }
    target->insert(u"Actual Rows"_s, number(m.captured(3)));
    target->insert(u"Actual Loops"_s, number(m.captured(4)));
    return true;
}

bool TextPlanLine::readNode(
    const QString &content, QJsonObject *fields, QString *error, int *errorColumn)
{
    static const QRegularExpression shape(
        u"^(.*?)"
        "(?:\\s+\\(cost=([\\d.]+)\\.\\.([\\d.]+) rows=(\\d+) width=(\\d+)\\))?"
        "(?:\\s+\\((actual [^)]*|never executed)\\))?$"_s);
    const QRegularExpressionMatch m = shape.match(content);
    QString label = m.captured(1).trimmed();
    for (const QString &mark : {u"(cost="_s, u"(actual"_s, u"(never"_s}) {
        const qsizetype at = label.indexOf(mark);
        if (at >= 0) {
            *error = u"malformed %1…) annotation"_s.arg(mark);
            *errorColumn = int(at);
            return false;
        }
    }
    if (label.isEmpty()) {
        *error = u"a plan node without a name"_s;
        *errorColumn = 0;
        return false;
    }
    const bool known = TextNodeLabel::read(label, fields);
    if (!known && m.captured(2).isEmpty() && m.captured(6).isEmpty()) {
        *error = u"\"%1\" is not a plan node"_s.arg(label.left(60));
        *errorColumn = 0;
        return false;
    }
    if (!m.captured(2).isEmpty()) {
        fields->insert(u"Startup Cost"_s, number(m.captured(2)));
        fields->insert(u"Total Cost"_s, number(m.captured(3)));
        fields->insert(u"Plan Rows"_s, number(m.captured(4)));
        fields->insert(u"Plan Width"_s, number(m.captured(5)));
    }
    const QString actual = m.captured(6);
    if (actual == u"never executed"_s) {
        fields->insert(u"Actual Rows"_s, 0);
        fields->insert(u"Actual Loops"_s, 0);
    } else if (!actual.isEmpty() && !readActuals(actual, fields)) {
        *error = u"malformed \"(actual …)\" annotation"_s;
        *errorColumn = int(content.indexOf(u"(actual"_s));
        return false;
    }
    return true;
}

void TextPlanLine::readDetail(const QString &content, QJsonObject *target)
{
    const qsizetype colon = content.indexOf(u": "_s);
    const bool bare = content.endsWith(u':');
    if (colon <= 0 && !bare) {
        QJsonArray lines = target->value(u"Text Lines"_s).toArray();
        lines.append(content);
        target->insert(u"Text Lines"_s, lines);
        return;
    }
    const QString key = colon > 0 ? content.left(colon) : content.chopped(1);
    const QString value = colon > 0 ? content.mid(colon + 2).trimmed() : QString();
    if (key == u"Buffers"_s) {
        readBuffers(value, target);
    } else if (key == u"I/O Timings"_s) {
        readIoTimings(value, target);
    } else if (key == u"WAL"_s) {
        readWords(value,
            {{u"records"_s, u"WAL Records"_s}, {u"fpi"_s, u"WAL FPI"_s},
                {u"bytes"_s, u"WAL Bytes"_s}},
            target);
    } else if (key == u"Heap Blocks"_s) {
        readWords(value,
            {{u"exact"_s, u"Exact Heap Blocks"_s}, {u"lossy"_s, u"Lossy Heap Blocks"_s}}, target);
    } else if (key == u"Memory"_s && value.startsWith(u"used="_s)) {
        // PostgreSQL 17's EXPLAIN (MEMORY), under "Planning:".
        readWords(value.split(u"kB"_s).join(QString()),
            {{u"used"_s, u"Memory Used"_s}, {u"allocated"_s, u"Memory Allocated"_s}}, target);
    } else if (key == u"Settings"_s) {
        target->insert(key, readSettings(value));
    } else if (isTextKey(key)) {
        target->insert(key, value);
    } else if (isListKey(key)) {
        const QStringList items = splitList(value);
        QJsonArray list = target->value(key).toArray(); // repeated for grouping sets
        for (const QString &item : items)
            list.append(item);
        target->insert(key, list);
    } else if (key == u"Sort Method"_s || key == u"Buckets"_s || key == u"Batches"_s
        || key == u"Hits"_s || key == u"Planned Partitions"_s) {
        // Several "Key: value" parts, two spaces apart.
        static const QRegularExpression part(
            u"([A-Za-z][A-Za-z -]*?): (.+?)(?=\\s{2,}[A-Za-z][A-Za-z -]*: |$)"_s);
        auto it = part.globalMatch(content);
        while (it.hasNext()) {
            const QRegularExpressionMatch m = it.next();
            if (m.captured(1) == u"Sort Method"_s)
                target->insert(u"Sort Method"_s, m.captured(2).trimmed());
            else
                readPart(m.captured(1).trimmed(), m.captured(2).trimmed(), key, target);
        }
    } else if (value == u"true"_s || value == u"false"_s) {
        target->insert(key, value == u"true"_s);
    } else if (value.isEmpty()) {
        target->insert(key, QJsonObject());
    } else {
        target->insert(key, number(value));
    }
}

void TextPlanLine::readSerialization(const QString &value, QJsonObject *target)
{
    static const QRegularExpression word(u"(time|output|format)=(\\S+)"_s);
    auto it = word.globalMatch(value);
    while (it.hasNext()) {
        const QRegularExpressionMatch m = it.next();
        if (m.captured(1) == u"time"_s)
            target->insert(u"Time"_s, number(m.captured(2)));
        else if (m.captured(1) == u"output"_s)
            target->insert(u"Output Volume"_s, kilobytes(m.captured(2)));
        else
            target->insert(u"Format"_s, m.captured(2));
    }
}

bool TextPlanLine::readTrigger(const QString &content, QJsonObject *trigger)
{
    static const QRegularExpression re(
        u"^Trigger (for constraint )?(.+?)(?: on (\\S+))?: time=([\\d.]+) calls=(\\d+)$"_s);
    const QRegularExpressionMatch m = re.match(content);
    if (!m.hasMatch())
        return false;
    trigger->insert(u"Trigger Name"_s, m.captured(2));
    if (!m.captured(1).isEmpty())
        trigger->insert(u"Constraint Name"_s, m.captured(2));
    if (!m.captured(3).isEmpty())
        trigger->insert(u"Relation"_s, m.captured(3));
    trigger->insert(u"Time"_s, number(m.captured(4)));
    trigger->insert(u"Calls"_s, number(m.captured(5)));
    return true;
}

void TextPlanLine::readJitDetail(const QString &content, QJsonObject *jit)
{
    const qsizetype colon = content.indexOf(u": "_s);
    if (colon <= 0)
        return;
    const QString key = content.left(colon);
    const QString value = content.mid(colon + 2).trimmed();
    if (key != u"Options"_s && key != u"Timing"_s) {
        jit->insert(key, number(value));
        return;
    }
    QJsonObject parts;
    // "Generation 1.2 ms (Deform 0.3 ms)" (17): Deform is a part of its own.
    static const QRegularExpression inner(u"^(.*?)\\s*\\((\\w+) ([\\d.]+ ms)\\)$"_s);
    for (const QString &part : value.split(u", "_s)) {
        QString text = part;
        const QRegularExpressionMatch m = inner.match(part);
        if (m.hasMatch()) {
            text = m.captured(1);
            parts.insert(m.captured(2), number(m.captured(3)));
        }
        const qsizetype space = text.indexOf(u' ');
        const QString name = text.left(space);
        const QString v = text.mid(space + 1).trimmed();
        if (v == u"true"_s || v == u"false"_s)
            parts.insert(name, v == u"true"_s);
        else
            parts.insert(name, number(v));
    }
    jit->insert(key, parts);
}

} // namespace tusk::core
