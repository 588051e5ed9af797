#include "textnodelabel.h"

#include <QRegularExpression>
#include <QStringList>

namespace tusk::core {

namespace {
using namespace Qt::Literals::StringLiterals;

// Node types whose text names are themselves (longest first, so that
// "Index Only Scan" wins over "Index Scan").
const QStringList &plainTypes()
{
    static const QStringList types = [] {
        QStringList t {u"Seq Scan"_s, u"Sample Scan"_s, u"Index Scan"_s, u"Index Only Scan"_s,
            u"Bitmap Index Scan"_s, u"Bitmap Heap Scan"_s, u"Tid Scan"_s, u"Tid Range Scan"_s,
            u"Subquery Scan"_s, u"Function Scan"_s, u"Table Function Scan"_s, u"Values Scan"_s,
            u"CTE Scan"_s, u"Named Tuplestore Scan"_s, u"WorkTable Scan"_s, u"Foreign Scan"_s,
            u"Result"_s, u"ProjectSet"_s, u"Append"_s, u"Merge Append"_s, u"Recursive Union"_s,
            u"BitmapAnd"_s, u"BitmapOr"_s, u"Gather"_s, u"Gather Merge"_s, u"Materialize"_s,
            u"Memoize"_s, u"Sort"_s, u"Incremental Sort"_s, u"Group"_s, u"WindowAgg"_s, u"Unique"_s,
            u"LockRows"_s, u"Limit"_s, u"Hash"_s};
        std::sort(t.begin(), t.end(),
            [](const QString &a, const QString &b) { return a.size() > b.size(); });
        return t;
    }();
    return types;
}

// Splits "shop.orders o" into identifiers, honouring double quotes.
QStringList identifiers(const QString &text)
{
    QStringList out;
    QString current;
    bool inQuotes = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c == u'"') {
            if (inQuotes && i + 1 < text.size() && text.at(i + 1) == u'"') {
                current += u"\"\""_s;
                ++i;
                continue;
            }
            inQuotes = !inQuotes;
            current += c;
        } else if (c == u' ' && !inQuotes) {
            if (!current.isEmpty())
                out << current;
            current.clear();
        } else {
            current += c;
        }
    }
    if (!current.isEmpty())
        out << current;
    return out;
}

// Index of the '.' between schema and name outside quotes, or -1.
qsizetype qualifierDot(const QString &identifier)
{
    bool inQuotes = false;
    for (qsizetype i = 0; i < identifier.size(); ++i) {
        if (identifier.at(i) == u'"')
            inQuotes = !inQuotes;
        else if (identifier.at(i) == u'.' && !inQuotes)
            return i;
    }
    return -1;
}

// "location_state_templates", "public.t x": one or two names, the first
// not a word of a longer node type ("Seq Scan Backward" is no scan of
// "Backward").
bool isBareTarget(const QString &text)
{
    static const QRegularExpression re(
        u"^(\"(?:[^\"]|\"\")*\"|[a-z_][\\w$.]*)( (\"(?:[^\"]|\"\")*\"|[a-z_][\\w$]*))?$"_s);
    return re.match(text).hasMatch();
}

// Which key names the scanned object for this node type.
QString objectKey(const QString &type)
{
    if (type == u"Function Scan"_s)
        return u"Function Name"_s;
    if (type == u"CTE Scan"_s || type == u"WorkTable Scan"_s)
        return u"CTE Name"_s;
    if (type == u"Named Tuplestore Scan"_s)
        return u"Tuplestore Name"_s;
    if (type == u"Table Function Scan"_s)
        return u"Table Function Name"_s;
    if (type == u"Subquery Scan"_s || type == u"Values Scan"_s)
        return {};
    return u"Relation Name"_s;
}

// " on shop.orders o" (without "on ") into the fields.
void readTarget(const QString &type, const QString &text, QJsonObject *fields)
{
    const QStringList ids = identifiers(text);
    if (ids.isEmpty())
        return;
    const QString key = objectKey(type);
    if (key.isEmpty()) {
        fields->insert(u"Alias"_s, TextNodeLabel::unquote(ids.front()));
        return;
    }
    QString object = ids.front();
    const qsizetype dot = qualifierDot(object);
    if (dot > 0) {
        fields->insert(u"Schema"_s, TextNodeLabel::unquote(object.left(dot)));
        object = object.mid(dot + 1);
    }
    object = TextNodeLabel::unquote(object);
    fields->insert(key, object);
    fields->insert(u"Alias"_s, ids.size() > 1 ? TextNodeLabel::unquote(ids.at(1)) : object);
}
} // namespace

QString TextNodeLabel::unquote(const QString &identifier)
{
    if (identifier.size() >= 2 && identifier.front() == u'"' && identifier.back() == u'"')
        return identifier.mid(1, identifier.size() - 2).replace(u"\"\""_s, u"\""_s);
    return identifier;
}

bool TextNodeLabel::read(const QString &text, QJsonObject *fields)
{
    QString label = text;
    bool parallel = false;
    bool async = false;
    if (label.startsWith(u"Parallel "_s)) {
        parallel = true;
        label.remove(0, 9);
    }
    if (label.startsWith(u"Async "_s)) {
        async = true;
        label.remove(0, 6);
    }
    fields->insert(u"Parallel Aware"_s, parallel);
    if (async)
        fields->insert(u"Async Capable"_s, true);

    static const QRegularExpression modify(u"^(Insert|Update|Delete|Merge) on (.+)$"_s);
    static const QRegularExpression foreign(u"^Foreign (Insert|Update|Delete)(?: on (.+))?$"_s);
    static const QRegularExpression custom(u"^Custom Scan \\((.+?)\\)(?: on (.+))?$"_s);
    static const QRegularExpression aggregate(
        u"^(Partial |Finalize )?(Aggregate|GroupAggregate|HashAggregate|MixedAggregate)$"_s);
    static const QRegularExpression setop(
        u"^(HashSetOp|SetOp) (Intersect All|Intersect|Except All|Except)$"_s);
    static const QRegularExpression join(
        u"^(Nested Loop|Merge|Hash)(?: (Left|Full|Right|Semi|Anti|Right Anti|Right Semi))? Join$"_s);
    static const QRegularExpression indexScan(
        u"^(Index Scan|Index Only Scan)( Backward)? using (\"(?:[^\"]|\"\")*\"|\\S+)(?: on (.+))?$"_s);

    QRegularExpressionMatch m;
    if ((m = modify.match(label)).hasMatch()) {
        fields->insert(u"Node Type"_s, u"ModifyTable"_s);
        fields->insert(u"Operation"_s, m.captured(1));
        readTarget(u"ModifyTable"_s, m.captured(2), fields);
    } else if ((m = foreign.match(label)).hasMatch()) {
        fields->insert(u"Node Type"_s, u"Foreign Scan"_s);
        fields->insert(u"Operation"_s, m.captured(1));
        readTarget(u"Foreign Scan"_s, m.captured(2), fields);
    } else if ((m = custom.match(label)).hasMatch()) {
        fields->insert(u"Node Type"_s, u"Custom Scan"_s);
        fields->insert(u"Custom Plan Provider"_s, m.captured(1));
        readTarget(u"Custom Scan"_s, m.captured(2), fields);
    } else if ((m = aggregate.match(label)).hasMatch()) {
        static const QHash<QString, QString> strategies {{u"Aggregate"_s, u"Plain"_s},
            {u"GroupAggregate"_s, u"Sorted"_s}, {u"HashAggregate"_s, u"Hashed"_s},
            {u"MixedAggregate"_s, u"Mixed"_s}};
        fields->insert(u"Node Type"_s, u"Aggregate"_s);
        fields->insert(u"Strategy"_s, strategies.value(m.captured(2)));
        const QString mode = m.captured(1).trimmed();
        fields->insert(u"Partial Mode"_s, mode.isEmpty() ? u"Simple"_s : mode);
    } else if ((m = setop.match(label)).hasMatch()) {
        fields->insert(u"Node Type"_s, u"SetOp"_s);
        fields->insert(u"Strategy"_s, m.captured(1) == u"HashSetOp"_s ? u"Hashed"_s : u"Sorted"_s);
        fields->insert(u"Command"_s, m.captured(2));
    } else if ((m = join.match(label)).hasMatch() || label == u"Nested Loop"_s) {
        const QString kind = m.hasMatch() ? m.captured(1) : u"Nested Loop"_s;
        fields->insert(u"Node Type"_s, kind == u"Nested Loop"_s ? kind : kind + u" Join"_s);
        const QString type = m.hasMatch() ? m.captured(2) : QString();
        fields->insert(u"Join Type"_s, type.isEmpty() ? u"Inner"_s : type);
    } else if ((m = indexScan.match(label)).hasMatch()) {
        fields->insert(u"Node Type"_s, m.captured(1));
        fields->insert(u"Scan Direction"_s, m.captured(2).isEmpty() ? u"Forward"_s : u"Backward"_s);
        fields->insert(u"Index Name"_s, unquote(m.captured(3)));
        readTarget(m.captured(1), m.captured(4), fields);
    } else if (label.startsWith(u"Bitmap Index Scan on "_s)) {
        fields->insert(u"Node Type"_s, u"Bitmap Index Scan"_s);
        fields->insert(u"Index Name"_s, unquote(label.mid(21).trimmed()));
    } else {
        QString type;
        bool bare = false; // "Seq Scan t": before 9.1 a scan's target came without "on"
        for (const QString &t : plainTypes()) {
            if (label == t || label.startsWith(t + u" on "_s)) {
                type = t;
                break;
            }
            if (t.endsWith(u" Scan"_s) && label.startsWith(t + u' ')
                && isBareTarget(label.mid(t.size() + 1))) {
                type = t;
                bare = true;
                break;
            }
        }
        if (type.isEmpty()) {
            // Unknown to this version of Tusk (a fork's node, a newer server):
            // keep the name, and its target if it has one.
            const qsizetype on = label.indexOf(u" on "_s);
            fields->insert(u"Node Type"_s, on > 0 ? label.left(on) : label);
            if (on > 0)
                readTarget(label.left(on), label.mid(on + 4), fields);
            return false;
        }
        fields->insert(u"Node Type"_s, type);
        if (type == u"Foreign Scan"_s)
            fields->insert(u"Operation"_s, u"Select"_s);
        if (label.size() > type.size())
            readTarget(type, label.mid(type.size() + (bare ? 1 : 4)), fields);
    }
    return true;
}

} // namespace tusk::core
