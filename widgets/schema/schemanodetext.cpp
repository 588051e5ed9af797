#include "schemanodetext.h"

#include "core/catalog/healthchecker.h"

#include <QCoreApplication>
#include <QLocale>

#include <iterator>

namespace tusk::widgets::schemanodetext {

using namespace tusk::core;

namespace {
const char *keyWord(CatalogObjectKind kind)
{
    switch (kind) {
    case CatalogObjectKind::Relation:
        return "rel";
    case CatalogObjectKind::Function:
        return "fn";
    case CatalogObjectKind::Type:
        return "type";
    case CatalogObjectKind::Extension:
        return "ext";
    default:
        return nullptr;
    }
}
} // namespace

QString iconName(int icon)
{
    static const char *const names[] = {"", "server", "database", "schema", "group", "table",
        "partitioned", "foreign", "view", "matview", "sequence", "function", "procedure", "type",
        "extension"};
    return icon > 0 && icon < int(std::size(names)) ? QString::fromLatin1(names[icon]) : QString();
}

Icon relationIcon(RelationKind kind)
{
    switch (kind) {
    case RelationKind::PartitionedTable:
        return PartitionedIcon;
    case RelationKind::ForeignTable:
        return ForeignIcon;
    case RelationKind::View:
        return ViewIcon;
    case RelationKind::MaterializedView:
        return MatviewIcon;
    case RelationKind::Sequence:
        return SequenceIcon;
    case RelationKind::Table:
        break;
    }
    return TableIcon;
}

QString relationInfo(const DbRelation &r)
{
    if (!r.lockedBy.isEmpty())
        return QCoreApplication::translate("SchemaTreeModel", "locked by session %1")
            .arg(r.lockedBy.first());
    if (!r.isTableLike() && r.kind != RelationKind::MaterializedView)
        return {};
    if (r.kind == RelationKind::PartitionedTable)
        return r.partitions.size() == 1
            ? QCoreApplication::translate("SchemaTreeModel", "1 partition")
            : QCoreApplication::translate("SchemaTreeModel", "%1 partitions")
                  .arg(r.partitions.size());
    const QString rows = r.rowsEstimate < 0
        ? QCoreApplication::translate("SchemaTreeModel", "never analyzed")
        : QCoreApplication::translate("SchemaTreeModel", "~%1 rows")
              .arg(QLocale().toString(r.rowsEstimate));
    return rows + QStringLiteral(" · ") + HealthChecker::bytes(r.totalBytes());
}

QString typeInfo(const DbType &t)
{
    switch (t.kind) {
    case TypeKind::Enum:
        return QCoreApplication::translate("SchemaTreeModel", "enum");
    case TypeKind::Domain:
        return QCoreApplication::translate("SchemaTreeModel", "domain over %1").arg(t.baseType);
    default:
        return QCoreApplication::translate("SchemaTreeModel", "composite");
    }
}

bool fuzzyMatches(QStringView needle, QStringView haystack)
{
    // No lower-case copy of 10,000 names per keystroke: each character is
    // folded as it is compared.
    qsizetype at = 0;
    for (const QChar c : needle) {
        while (at < haystack.size() && haystack.at(at).toLower() != c)
            ++at;
        if (at == haystack.size())
            return false;
        ++at;
    }
    return true;
}

QString objectKey(const QString &database, const CatalogObjectRef &ref)
{
    const char *word = keyWord(ref.kind);
    if (!word)
        return {};
    return QStringLiteral("%1/%2/%3").arg(database, QLatin1String(word)).arg(ref.oid);
}

bool parseObjectKey(const QString &key, QString *database, CatalogObjectRef *ref)
{
    const qsizetype last = key.lastIndexOf(QLatin1Char('/'));
    const qsizetype kindAt = last > 0 ? key.lastIndexOf(QLatin1Char('/'), last - 1) : -1;
    if (kindAt < 0)
        return false;
    const QStringView word = QStringView(key).sliced(kindAt + 1, last - kindAt - 1);
    bool ok = false;
    const Oid oid = QStringView(key).sliced(last + 1).toUInt(&ok);
    if (!ok)
        return false;
    for (const CatalogObjectKind kind : {CatalogObjectKind::Relation, CatalogObjectKind::Function,
             CatalogObjectKind::Type, CatalogObjectKind::Extension}) {
        if (word == QLatin1String(keyWord(kind))) {
            *database = key.left(kindAt);
            *ref = {kind, oid, 0};
            return true;
        }
    }
    return false;
}

} // namespace tusk::widgets::schemanodetext
