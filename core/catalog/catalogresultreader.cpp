#include "catalogresultreader.h"

#include "core/pg/result.h"

#include <string_view>
#include <unordered_map>

namespace tusk::core {

namespace {
// One result set, read by column name, straight from the server's bytes.
class Rows {
public:
    explicit Rows(const Result &result)
        : m_result(result)
    {
    }
    int count() const { return m_result.rowCount(); }
    int column(const char *name) const { return m_result.columnIndex(QLatin1String(name)); }
    QString text(int row, int column) const
    {
        return column < 0 ? QString() : m_result.text(row, column);
    }
    // Text that repeats across rows (type names, owners, column names like
    // "id"): one shared copy per distinct value, so 100,000 columns do not
    // hold 100,000 copies of "bigint".
    QString shared(int row, int column) const
    {
        if (column < 0 || m_result.isNull(row, column))
            return {};
        const QByteArrayView bytes = m_result.bytes(row, column);
        const auto [at, added] =
            m_shared.try_emplace(std::string_view(bytes.data(), size_t(bytes.size())));
        if (added)
            at->second = m_result.text(row, column);
        return at->second;
    }
    qint64 number(int row, int column, qint64 otherwise = -1) const
    {
        if (column < 0 || m_result.isNull(row, column))
            return otherwise;
        return m_result.bytes(row, column).toLongLong();
    }
    Oid oid(int row, int column) const { return Oid(number(row, column, 0)); }
    // Milliseconds since 1970 as a UTC time; invalid for NULL.
    QDateTime time(int row, int column) const
    {
        if (column < 0 || m_result.isNull(row, column))
            return {};
        return QDateTime::fromMSecsSinceEpoch(number(row, column, 0), Qt::UTC);
    }
    bool flag(int row, int column) const
    {
        return column >= 0 && m_result.bytes(row, column) == "t";
    }
    char letter(int row, int column, char otherwise = 0) const
    {
        const QByteArrayView bytes = column < 0 ? QByteArrayView() : m_result.bytes(row, column);
        return bytes.isEmpty() ? otherwise : bytes.at(0);
    }
    QList<int> numbers(int row, int column) const
    {
        QList<int> list;
        QByteArrayView rest = column < 0 ? QByteArrayView() : m_result.bytes(row, column);
        while (!rest.isEmpty()) {
            const qsizetype comma = rest.indexOf(',');
            list << (comma < 0 ? rest : rest.first(comma)).toInt();
            rest = comma < 0 ? QByteArrayView() : rest.sliced(comma + 1);
        }
        return list;
    }
    QList<int> pids(int row, int column) const { return numbers(row, column); }

private:
    const Result &m_result;
    // Views into m_result's bytes, which outlive this reader.
    mutable std::unordered_map<std::string_view, QString> m_shared;
};

void readSchemas(const Rows &rows, CatalogSnapshot::Builder &builder)
{
    const int oid = rows.column("oid"), name = rows.column("name"), owner = rows.column("owner"),
              comment = rows.column("comment");
    for (int r = 0; r < rows.count(); ++r)
        builder.add(DbSchema {
            rows.oid(r, oid), rows.text(r, name), rows.text(r, owner), rows.text(r, comment)});
}

void readRelations(const Rows &rows, CatalogSnapshot::Builder &builder)
{
    const int oid = rows.column("oid"), schema = rows.column("schema_oid"),
              name = rows.column("name"), kind = rows.column("kind"), owner = rows.column("owner"),
              comment = rows.column("comment"), isPartition = rows.column("is_partition"),
              parent = rows.column("parent_oid"), bound = rows.column("partition_bound"),
              key = rows.column("partition_key"), rowSecurity = rows.column("row_security"),
              persistence = rows.column("persistence"), options = rows.column("options"),
              estimate = rows.column("rows_estimate"), tableBytes = rows.column("table_bytes"),
              toastBytes = rows.column("toast_bytes"), indexBytes = rows.column("index_bytes"),
              live = rows.column("live_tuples"), dead = rows.column("dead_tuples"),
              seqScan = rows.column("seq_scan"), idxScan = rows.column("idx_scan"),
              lastVacuum = rows.column("last_vacuum_ms"),
              lastAutovacuum = rows.column("last_autovacuum_ms"),
              lastAnalyze = rows.column("last_analyze_ms"),
              lastAutoanalyze = rows.column("last_autoanalyze_ms"),
              modified = rows.column("modified_since_analyze"), lockedBy = rows.column("locked_by");
    for (int r = 0; r < rows.count(); ++r) {
        DbRelation x;
        x.oid = rows.oid(r, oid);
        x.schemaOid = rows.oid(r, schema);
        x.name = rows.text(r, name);
        x.kind = RelationKind(rows.letter(r, kind, 'r'));
        x.owner = rows.shared(r, owner);
        x.comment = rows.text(r, comment);
        x.isPartition = rows.flag(r, isPartition);
        x.parentOid = rows.oid(r, parent);
        x.partitionBound = rows.text(r, bound);
        x.partitionKey = rows.text(r, key);
        x.rowSecurity = rows.flag(r, rowSecurity);
        x.unlogged = rows.letter(r, persistence) == 'u';
        x.options = rows.text(r, options);
        x.rowsEstimate = rows.number(r, estimate);
        // PostgreSQL 14+ says -1 for never analyzed; 0 before that.
        if (x.rowsEstimate < -1)
            x.rowsEstimate = -1;
        x.tableBytes = rows.number(r, tableBytes, 0);
        x.toastBytes = rows.number(r, toastBytes, 0);
        x.indexBytes = rows.number(r, indexBytes, 0);
        x.liveTuples = rows.number(r, live);
        x.deadTuples = rows.number(r, dead);
        x.seqScans = rows.number(r, seqScan);
        x.indexScans = rows.number(r, idxScan);
        x.modifiedSinceAnalyze = rows.number(r, modified);
        x.lastVacuum = rows.time(r, lastVacuum);
        x.lastAutovacuum = rows.time(r, lastAutovacuum);
        x.lastAnalyze = rows.time(r, lastAnalyze);
        x.lastAutoanalyze = rows.time(r, lastAutoanalyze);
        x.lockedBy = rows.pids(r, lockedBy);
        builder.add(std::move(x));
    }
}

void readColumns(const Rows &rows, CatalogSnapshot::Builder &builder)
{
    const int relation = rows.column("relation_oid"), position = rows.column("position"),
              name = rows.column("name"), type = rows.column("type"),
              typeOid = rows.column("type_oid"), defaultValue = rows.column("default_value"),
              hasDefault = rows.column("has_default"), notNull = rows.column("not_null"),
              identity = rows.column("identity"), generated = rows.column("generated"),
              collation = rows.column("collation"), comment = rows.column("comment");
    for (int r = 0; r < rows.count(); ++r) {
        DbColumn x;
        x.relationOid = rows.oid(r, relation);
        x.position = int(rows.number(r, position, 0));
        x.name = rows.shared(r, name);
        x.type = rows.shared(r, type);
        x.typeOid = rows.oid(r, typeOid);
        x.defaultValue = rows.shared(r, defaultValue);
        x.hasDefault = rows.flag(r, hasDefault);
        x.notNull = rows.flag(r, notNull);
        x.identity = rows.letter(r, identity);
        x.generated = rows.letter(r, generated);
        x.collation = rows.shared(r, collation);
        x.comment = rows.text(r, comment);
        builder.add(std::move(x));
    }
}

void readConstraints(const Rows &rows, CatalogSnapshot::Builder &builder)
{
    const int oid = rows.column("oid"), relation = rows.column("relation_oid"),
              name = rows.column("name"), kind = rows.column("kind"),
              definition = rows.column("definition"), validated = rows.column("validated"),
              deferrable = rows.column("deferrable"), index = rows.column("index_oid"),
              columns = rows.column("columns"), referenced = rows.column("referenced_oid"),
              referencedColumns = rows.column("referenced_columns"),
              comment = rows.column("comment");
    for (int r = 0; r < rows.count(); ++r) {
        DbConstraint x;
        x.oid = rows.oid(r, oid);
        x.relationOid = rows.oid(r, relation);
        x.name = rows.text(r, name);
        x.kind = ConstraintKind(rows.letter(r, kind, 'c'));
        x.definition = rows.shared(r, definition); // "PRIMARY KEY (id)" many times
        x.validated = rows.flag(r, validated);
        x.deferrable = rows.flag(r, deferrable);
        x.indexOid = rows.oid(r, index);
        x.columns = rows.numbers(r, columns);
        x.referencedOid = rows.oid(r, referenced);
        x.referencedColumns = rows.numbers(r, referencedColumns);
        x.comment = rows.text(r, comment);
        builder.add(std::move(x));
    }
}

void readIndexes(const Rows &rows, CatalogSnapshot::Builder &builder)
{
    const int oid = rows.column("oid"), relation = rows.column("relation_oid"),
              name = rows.column("name"), definition = rows.column("definition"),
              method = rows.column("method"), unique = rows.column("is_unique"),
              primary = rows.column("is_primary"), partial = rows.column("is_partial"),
              valid = rows.column("is_valid"), ready = rows.column("is_ready"),
              keys = rows.column("key_columns"), bytes = rows.column("bytes"),
              scans = rows.column("scans"), comment = rows.column("comment"),
              shape = rows.column("shape");
    for (int r = 0; r < rows.count(); ++r) {
        DbIndex x;
        x.oid = rows.oid(r, oid);
        x.relationOid = rows.oid(r, relation);
        x.name = rows.text(r, name);
        x.definition = rows.text(r, definition);
        x.method = rows.shared(r, method);
        x.unique = rows.flag(r, unique);
        x.primary = rows.flag(r, primary);
        x.partial = rows.flag(r, partial);
        x.valid = rows.flag(r, valid);
        x.ready = rows.flag(r, ready);
        x.keyColumns = rows.numbers(r, keys);
        x.shape = rows.shared(r, shape);
        x.bytes = std::max<qint64>(rows.number(r, bytes, 0), 0);
        x.scans = rows.number(r, scans);
        x.comment = rows.text(r, comment);
        builder.add(std::move(x));
    }
}

void readSequences(const Rows &rows, CatalogSnapshot::Builder &builder)
{
    const int oid = rows.column("oid"), type = rows.column("type"),
              start = rows.column("start_value"), increment = rows.column("increment"),
              min = rows.column("min_value"), max = rows.column("max_value"),
              cycles = rows.column("cycles"), owner = rows.column("owned_by_oid"),
              ownerColumn = rows.column("owned_by_column"), last = rows.column("last_value"),
              defaultOf = rows.column("default_of_oid"),
              defaultOfColumn = rows.column("default_of_column");
    for (int r = 0; r < rows.count(); ++r) {
        DbSequence x;
        x.oid = rows.oid(r, oid);
        x.type = rows.shared(r, type);
        x.startValue = rows.number(r, start, 1);
        x.increment = rows.number(r, increment, 1);
        x.minValue = rows.number(r, min, 1);
        x.maxValue = rows.number(r, max, 0);
        x.cycles = rows.flag(r, cycles);
        x.ownedByOid = rows.oid(r, owner);
        x.ownedByColumn = int(rows.number(r, ownerColumn, 0));
        x.defaultOfOid = rows.oid(r, defaultOf);
        x.defaultOfColumn = int(rows.number(r, defaultOfColumn, 0));
        x.hasLastValue = last >= 0 && !rows.text(r, last).isNull();
        x.lastValue = rows.number(r, last, 0);
        builder.add(std::move(x));
    }
}

void readFunctions(const Rows &rows, CatalogSnapshot::Builder &builder)
{
    const int oid = rows.column("oid"), schema = rows.column("schema_oid"),
              name = rows.column("name"), arguments = rows.column("arguments"),
              result = rows.column("result"), kind = rows.column("kind"),
              volatility = rows.column("volatility"), language = rows.column("language"),
              definer = rows.column("security_definer"), extension = rows.column("from_extension"),
              comment = rows.column("comment");
    for (int r = 0; r < rows.count(); ++r) {
        DbFunction x;
        x.oid = rows.oid(r, oid);
        x.schemaOid = rows.oid(r, schema);
        x.name = rows.text(r, name);
        x.arguments = rows.text(r, arguments);
        x.result = rows.text(r, result);
        x.kind = FunctionKind(rows.letter(r, kind, 'f'));
        x.volatility = rows.letter(r, volatility, 'v');
        x.language = rows.shared(r, language);
        x.securityDefiner = rows.flag(r, definer);
        x.fromExtension = rows.flag(r, extension);
        x.comment = rows.text(r, comment);
        builder.add(std::move(x));
    }
}

void readTriggers(const Rows &rows, CatalogSnapshot::Builder &builder)
{
    const int oid = rows.column("oid"), relation = rows.column("relation_oid"),
              name = rows.column("name"), definition = rows.column("definition"),
              enabled = rows.column("enabled"), function = rows.column("function_oid"),
              comment = rows.column("comment");
    for (int r = 0; r < rows.count(); ++r)
        builder.add(DbTrigger {rows.oid(r, oid), rows.oid(r, relation), rows.text(r, name),
            rows.text(r, definition), rows.letter(r, enabled, 'O'), rows.oid(r, function),
            rows.text(r, comment)});
}

void readExtensions(const Rows &rows, CatalogSnapshot::Builder &builder)
{
    const int oid = rows.column("oid"), name = rows.column("name"),
              version = rows.column("version"), schema = rows.column("schema_oid"),
              available = rows.column("available_version"), comment = rows.column("comment");
    for (int r = 0; r < rows.count(); ++r)
        builder.add(DbExtension {rows.oid(r, oid), rows.text(r, name), rows.text(r, version),
            rows.oid(r, schema), rows.text(r, available), rows.text(r, comment)});
}

void readTypes(const Rows &rows, CatalogSnapshot::Builder &builder)
{
    const int oid = rows.column("oid"), schema = rows.column("schema_oid"),
              name = rows.column("name"), kind = rows.column("kind"),
              labels = rows.column("labels"), base = rows.column("base_type"),
              notNull = rows.column("not_null"), defaultValue = rows.column("default_value"),
              checks = rows.column("checks"), relation = rows.column("relation_oid"),
              comment = rows.column("comment");
    const QChar separator(31);
    for (int r = 0; r < rows.count(); ++r) {
        DbType x;
        x.oid = rows.oid(r, oid);
        x.schemaOid = rows.oid(r, schema);
        x.name = rows.text(r, name);
        x.kind = TypeKind(rows.letter(r, kind, 'e'));
        if (const QString t = rows.text(r, labels); !t.isEmpty())
            x.labels = t.split(separator);
        x.baseType = rows.text(r, base);
        x.notNull = rows.flag(r, notNull);
        x.defaultValue = rows.text(r, defaultValue);
        if (const QString t = rows.text(r, checks); !t.isEmpty())
            x.checks = t.split(separator);
        x.relationOid = rows.oid(r, relation);
        x.comment = rows.text(r, comment);
        builder.add(std::move(x));
    }
}

void readPolicies(const Rows &rows, CatalogSnapshot::Builder &builder)
{
    const int oid = rows.column("oid"), relation = rows.column("relation_oid"),
              name = rows.column("name"), command = rows.column("command"),
              permissive = rows.column("permissive"), roles = rows.column("roles"),
              usingExpression = rows.column("using_expression"),
              checkExpression = rows.column("check_expression");
    for (int r = 0; r < rows.count(); ++r)
        builder.add(DbPolicy {rows.oid(r, oid), rows.oid(r, relation), rows.text(r, name),
            rows.letter(r, command, '*'), rows.flag(r, permissive), rows.text(r, roles),
            rows.text(r, usingExpression), rows.text(r, checkExpression)});
}

void readColumnDefaults(const Rows &rows, CatalogDefinitions &definitions)
{
    const int relation = rows.column("relation_oid"), position = rows.column("position"),
              value = rows.column("default_value");
    definitions.columnDefaults.reserve(rows.count());
    for (int r = 0; r < rows.count(); ++r)
        definitions.columnDefaults << CatalogDefinitions::ColumnDefault {
            rows.oid(r, relation), int(rows.number(r, position, 0)), rows.shared(r, value)};
}

void readIndexDefinitions(const Rows &rows, CatalogDefinitions &definitions)
{
    const int oid = rows.column("oid"), definition = rows.column("definition");
    definitions.indexDefinitions.reserve(rows.count());
    for (int r = 0; r < rows.count(); ++r)
        definitions.indexDefinitions
            << CatalogDefinitions::IndexDefinition {rows.oid(r, oid), rows.text(r, definition)};
}

void readSequenceValues(const Rows &rows, CatalogDefinitions &definitions)
{
    const int oid = rows.column("oid"), last = rows.column("last_value");
    for (int r = 0; r < rows.count(); ++r) {
        // NULL: never used since it was created or reset.
        if (last >= 0 && !rows.text(r, last).isNull())
            definitions.sequenceValues
                << CatalogDefinitions::SequenceValue {rows.oid(r, oid), rows.number(r, last, 0)};
    }
}

using ReadKind = void (*)(const Rows &, CatalogSnapshot::Builder &);
struct KindReader {
    QString kind;
    ReadKind read;
};

const QList<KindReader> &readers()
{
    static const QList<KindReader> list {
        {QStringLiteral("schemas"), readSchemas},
        {QStringLiteral("relations"), readRelations},
        {QStringLiteral("columns"), readColumns},
        {QStringLiteral("constraints"), readConstraints},
        {QStringLiteral("indexes"), readIndexes},
        {QStringLiteral("sequences"), readSequences},
        {QStringLiteral("functions"), readFunctions},
        {QStringLiteral("triggers"), readTriggers},
        {QStringLiteral("extensions"), readExtensions},
        {QStringLiteral("types"), readTypes},
        {QStringLiteral("policies"), readPolicies},
    };
    return list;
}
using ReadDefinitions = void (*)(const Rows &, CatalogDefinitions &);
struct DefinitionsReader {
    QString kind;
    ReadDefinitions read;
};

const QList<DefinitionsReader> &definitionReaders()
{
    static const QList<DefinitionsReader> list {
        {QStringLiteral("column_defaults"), readColumnDefaults},
        {QStringLiteral("index_definitions"), readIndexDefinitions},
        {QStringLiteral("sequence_values"), readSequenceValues},
    };
    return list;
}

} // namespace

const QStringList &CatalogResultReader::kinds()
{
    static const QStringList names = [] {
        QStringList list;
        for (const KindReader &reader : readers())
            list << reader.kind;
        return list;
    }();
    return names;
}

bool CatalogResultReader::read(
    const QString &kind, const Result &result, CatalogSnapshot::Builder &builder)
{
    for (const KindReader &reader : readers()) {
        if (reader.kind == kind) {
            builder.reserve(kind, result.rowCount());
            reader.read(Rows(result), builder);
            return true;
        }
    }
    return false;
}

const QStringList &CatalogResultReader::definitionKinds()
{
    static const QStringList names = [] {
        QStringList list;
        for (const DefinitionsReader &reader : definitionReaders())
            list << reader.kind;
        return list;
    }();
    return names;
}

bool CatalogResultReader::readDefinitions(
    const QString &kind, const Result &result, CatalogDefinitions &definitions)
{
    for (const DefinitionsReader &reader : definitionReaders()) {
        if (reader.kind == kind) {
            reader.read(Rows(result), definitions);
            return true;
        }
    }
    return false;
}

} // namespace tusk::core
