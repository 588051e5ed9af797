#include "objectdetails.h"

#include "healthview.h"
#include "sqlviewer.h"

#include "core/catalog/catalogjson.h"
#include "core/catalog/ddlwriter.h"
#include "core/catalog/healthchecker.h"
#include "core/catalog/objectreader.h"

#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QTableWidget>
#include <QVBoxLayout>

namespace tusk::widgets {

using namespace tusk::core;

namespace {
QTableWidget *newTable(const QStringList &headers, QWidget *parent)
{
    auto *table = new QTableWidget(0, int(headers.size()), parent);
    table->setHorizontalHeaderLabels(headers);
    table->verticalHeader()->setVisible(false);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setWordWrap(false);
    table->horizontalHeader()->setStretchLastSection(true);
    table->setAlternatingRowColors(true);
    return table;
}

void addRow(QTableWidget *table, const QStringList &cells)
{
    const int row = table->rowCount();
    table->insertRow(row);
    for (int c = 0; c < cells.size() && c < table->columnCount(); ++c) {
        auto *item = new QTableWidgetItem(cells.at(c));
        item->setToolTip(cells.at(c));
        table->setItem(row, c, item);
    }
}

QString countText(qint64 value)
{
    return value < 0 ? QObject::tr("unknown") : QLocale().toString(value);
}

QString when(const QDateTime &manual, const QDateTime &automatic)
{
    auto local = [](const QDateTime &t) {
        return QLocale().toString(t.toLocalTime(), QLocale::ShortFormat);
    };
    if (!manual.isValid() && !automatic.isValid())
        return QObject::tr("never");
    if (!manual.isValid() || (automatic.isValid() && automatic > manual))
        return local(automatic) + QObject::tr(" (autovacuum)");
    return local(manual);
}
} // namespace

ObjectDetails::ObjectDetails(QWidget *parent)
    : QTabWidget(parent)
    , m_columns(newTable(
          {tr("#"), tr("Name"), tr("Type"), tr("Nullable"), tr("Default"), tr("Comment")}, this))
    , m_indexes(newTable({tr("Name"), tr("Kind"), tr("Size"), tr("Scans"), tr("Definition")}, this))
    , m_constraints(newTable({tr("Name"), tr("Kind"), tr("Valid"), tr("Definition")}, this))
    , m_statistics(newTable({tr("Statistic"), tr("Value")}, this))
    , m_dependents(newTable({tr("Object"), tr("Dependency")}, this))
    , m_ddlPage(new QWidget(this))
    , m_ddlBanner(new QLabel(m_ddlPage))
    , m_ddlEditor(new SqlViewer(m_ddlPage))
    , m_health(new HealthView(this))
{
    setObjectName(QStringLiteral("objectDetails"));
    // A score of rows: the names fit whole ("Rows (estimated)", not "Rows (estima…").
    m_statistics->horizontalHeader()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_ddlEditor->setObjectName(QStringLiteral("ddlEditor"));
    m_ddlBanner->setObjectName(QStringLiteral("ddlMessage"));
    m_ddlBanner->setWordWrap(true);
    m_ddlBanner->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_ddlBanner->setVisible(false);
    m_ddlBanner->setStyleSheet(QStringLiteral("QLabel { background: palette(alternate-base); "
                                              "border-left: 3px solid #c77d0a; padding: 6px; }"));
    auto *ddlLayout = new QVBoxLayout(m_ddlPage);
    ddlLayout->setContentsMargins(0, 0, 0, 0);
    ddlLayout->addWidget(m_ddlBanner);
    ddlLayout->addWidget(m_ddlEditor, 1);
    addTab(m_columns, tr("Columns"));
    addTab(m_indexes, tr("Indexes"));
    addTab(m_constraints, tr("Constraints"));
    addTab(m_statistics, tr("Statistics"));
    addTab(m_ddlPage, tr("DDL"));
    addTab(m_dependents, tr("Dependents"));
    addTab(m_health, tr("Health"));
    connect(this, &QTabWidget::currentChanged, this, &ObjectDetails::onTabChanged);
    connect(m_health, &HealthView::openObject, this, &ObjectDetails::openObject);
}

QTableWidget *ObjectDetails::table(Tab tab) const
{
    switch (tab) {
    case ColumnsTab:
        return m_columns;
    case IndexesTab:
        return m_indexes;
    case ConstraintsTab:
        return m_constraints;
    case StatisticsTab:
        return m_statistics;
    case DependentsTab:
        return m_dependents;
    default:
        return nullptr;
    }
}

QString ObjectDetails::ddl() const
{
    return m_ddl;
}
QString ObjectDetails::ddlMessage() const
{
    return m_ddlMessage;
}

void ObjectDetails::showObject(const CatalogSnapshot &snapshot, const CatalogObjectRef &ref,
    const QList<HealthFinding> &findings, ObjectReader *reader)
{
    ++m_generation;
    m_snapshot = snapshot;
    m_ref = ref;
    m_reader = reader;
    m_ddlAsked = m_dependentsAsked = false;
    m_ddl.clear();
    m_ddlMessage.clear();
    m_ddlBanner->setVisible(false);
    m_ddlEditor->setSql(QString());
    for (QTableWidget *t : {m_columns, m_indexes, m_constraints, m_statistics, m_dependents})
        t->setRowCount(0);
    m_health->setFindings(findings, snapshot.isNull() || snapshot.hasDefinitions());
    setTabText(
        HealthTab, findings.isEmpty() ? tr("Health") : tr("Health (%1)").arg(findings.size()));

    const DbRelation *relation =
        ref.kind == CatalogObjectKind::Relation ? snapshot.relation(ref.oid) : nullptr;
    const bool hasColumns = relation || ref.kind == CatalogObjectKind::Type;
    setTabEnabled(ColumnsTab, hasColumns);
    setTabEnabled(IndexesTab, relation != nullptr);
    setTabEnabled(ConstraintsTab, relation != nullptr);
    setTabEnabled(StatisticsTab, relation != nullptr);
    setTabEnabled(DependentsTab, relation != nullptr);
    setTabEnabled(DdlTab, !ref.isNull());
    if (relation)
        fillRelation(*relation);
    if (const DbType *type =
            ref.kind == CatalogObjectKind::Type ? snapshot.type(ref.oid) : nullptr) {
        for (int i : type->attributes) {
            const DbColumn &c = snapshot.columns().at(i);
            addRow(m_columns,
                {QString::number(c.position), c.name, c.type, QString(), QString(),
                    c.comment.text()});
        }
        for (const QString &label : type->labels)
            addRow(
                m_columns, {QString(), label, tr("enum label"), QString(), QString(), QString()});
    }
    if (ref.isNull())
        setCurrentIndex(HealthTab);
    else if (!isTabEnabled(currentIndex()))
        setCurrentIndex(DdlTab);
    onTabChanged(currentIndex());
}

void ObjectDetails::fillRelation(const DbRelation &r)
{
    const CatalogSnapshot &s = m_snapshot;
    for (int i : r.columns) {
        const DbColumn &c = s.columns().at(i);
        QString defaultText =
            c.hasDefault && c.defaultValue.isNull() ? tr("(locked)") : c.defaultValue;
        if (c.identity)
            defaultText = c.identity == 'a' ? tr("identity, always") : tr("identity, by default");
        if (c.generated)
            defaultText = tr("generated: %1").arg(c.defaultValue);
        addRow(m_columns,
            {QString::number(c.position), c.name,
                c.type
                    + (c.collation.isEmpty() ? QString()
                                             : QStringLiteral(" COLLATE ") + c.collation.text()),
                c.notNull ? tr("no") : tr("yes"), defaultText, c.comment.text()});
    }
    for (int i : r.indexes) {
        const DbIndex &x = s.indexes().at(i);
        QStringList kind;
        if (x.primary)
            kind << tr("primary");
        else if (x.unique)
            kind << tr("unique");
        if (x.partial)
            kind << tr("partial");
        if (!x.valid)
            kind << tr("INVALID");
        kind << x.method;
        addRow(m_indexes,
            {x.name, kind.join(QStringLiteral(", ")), HealthChecker::bytes(x.bytes),
                countText(x.scans), x.definition.isNull() ? tr("(locked)") : x.definition});
    }
    for (int i : r.constraints) {
        const DbConstraint &c = s.constraints().at(i);
        addRow(m_constraints,
            {c.name, CatalogJson::kindName(c.kind), c.validated ? tr("yes") : tr("NOT VALID"),
                c.definition.isNull() ? tr("(locked)") : c.definition});
    }
    fillStatistics(r);
}

void ObjectDetails::fillStatistics(const DbRelation &r)
{
    addRow(m_statistics, {tr("Kind"), CatalogJson::kindName(r.kind)});
    addRow(m_statistics, {tr("Owner"), r.owner});
    if (!r.lockedBy.isEmpty())
        addRow(m_statistics, {tr("Locked"), DdlWriter::missingPiece(r)});
    if (r.isPartition) {
        if (const DbRelation *parent = m_snapshot.relation(r.parentOid))
            addRow(m_statistics,
                {tr("Partition of"),
                    m_snapshot.qualifiedName(*parent) + QLatin1Char(' ')
                        + r.partitionBound.text()});
    }
    if (!r.partitionKey.isEmpty())
        addRow(m_statistics, {tr("Partitioned by"), r.partitionKey});
    if (r.kind == RelationKind::Sequence) {
        if (const DbSequence *q = m_snapshot.sequence(r.oid)) {
            addRow(m_statistics, {tr("Type"), q->type});
            addRow(m_statistics,
                {tr("Last value"),
                    q->hasLastValue ? QLocale().toString(q->lastValue) : tr("not read")});
            addRow(m_statistics,
                {tr("Range"), QStringLiteral("%1 … %2").arg(q->minValue).arg(q->maxValue)});
        }
        return;
    }
    addRow(m_statistics,
        {tr("Rows (estimate)"),
            r.rowsEstimate < 0 ? tr("never analyzed") : QLocale().toString(r.rowsEstimate)});
    addRow(m_statistics, {tr("Table size"), HealthChecker::bytes(r.tableBytes)});
    addRow(m_statistics, {tr("TOAST size"), HealthChecker::bytes(r.toastBytes)});
    addRow(m_statistics, {tr("Index size"), HealthChecker::bytes(r.indexBytes)});
    addRow(m_statistics,
        {tr("Total (as of last VACUUM/ANALYZE)"), HealthChecker::bytes(r.totalBytes())});
    addRow(m_statistics, {tr("Live tuples"), countText(r.liveTuples)});
    addRow(m_statistics, {tr("Dead tuples"), countText(r.deadTuples)});
    addRow(m_statistics, {tr("Sequential scans"), countText(r.seqScans)});
    addRow(m_statistics, {tr("Index scans"), countText(r.indexScans)});
    addRow(m_statistics, {tr("Modified since analyze"), countText(r.modifiedSinceAnalyze)});
    addRow(m_statistics, {tr("Last vacuum"), when(r.lastVacuum, r.lastAutovacuum)});
    addRow(m_statistics, {tr("Last analyze"), when(r.lastAnalyze, r.lastAutoanalyze)});
    if (!r.options.isEmpty())
        addRow(m_statistics, {tr("Storage options"), r.options});
    // Exact sizes, read now under a lock timeout.
    if (m_reader && r.kind != RelationKind::View && r.kind != RelationKind::PartitionedTable) {
        const int row = m_statistics->rowCount();
        addRow(m_statistics, {tr("Total (exact, now)"), tr("reading…")});
        const quint64 generation = m_generation;
        const Oid oid = r.oid;
        auto *reader = m_reader.data();
        auto done = std::make_shared<QList<QMetaObject::Connection>>();
        auto finish = [done] {
            for (const QMetaObject::Connection &c : *done)
                QObject::disconnect(c);
        };
        *done << connect(reader, &ObjectReader::sizesReady, this,
            [this, generation, oid, row, finish](Oid which, qint64, qint64, qint64 total) {
                if (which != oid)
                    return;
                finish();
                if (generation == m_generation && m_statistics->item(row, 1))
                    m_statistics->item(row, 1)->setText(HealthChecker::bytes(total));
            });
        *done << connect(reader, &ObjectReader::failed, this,
            [this, generation, oid, row, finish](
                const CatalogObjectRef &ref, const PgError &error) {
                if (ref.oid != oid || ref.kind != CatalogObjectKind::Relation)
                    return;
                const QString &message = error.message;
                finish();
                if (generation == m_generation && m_statistics->item(row, 1)) {
                    m_statistics->item(row, 1)->setText(message.section(QLatin1Char('\n'), 0, 0));
                    m_statistics->item(row, 1)->setToolTip(message);
                }
            });
        reader->readSizes(m_snapshot, oid);
    }
}

void ObjectDetails::onTabChanged(int index)
{
    if (index == DdlTab && !m_ddlAsked && !m_ref.isNull())
        requestDdl();
    if (index == DependentsTab && !m_dependentsAsked && m_ref.kind == CatalogObjectKind::Relation)
        requestDependents();
}

void ObjectDetails::requestDdl()
{
    m_ddlAsked = true;
    if (!m_reader)
        return;
    m_ddlEditor->setSql(tr("-- reading the definition…"));
    const quint64 generation = m_generation;
    const CatalogObjectRef wanted = m_ref;
    auto *reader = m_reader.data();
    auto done = std::make_shared<QList<QMetaObject::Connection>>();
    auto finish = [done] {
        for (const QMetaObject::Connection &c : *done)
            QObject::disconnect(c);
    };
    *done << connect(reader, &ObjectReader::ddlReady, this,
        [this, generation, wanted, finish](const CatalogObjectRef &ref, const QString &ddl) {
            if (!(ref == wanted))
                return;
            finish();
            if (generation != m_generation)
                return;
            m_ddl = ddl;
            m_ddlEditor->setSql(ddl);
            emit ddlShown(ddl);
        });
    *done << connect(reader, &ObjectReader::failed, this,
        [this, generation, wanted, finish](const CatalogObjectRef &ref, const PgError &error) {
            if (!(ref == wanted))
                return;
            const QString &message = error.message;
            finish();
            if (generation != m_generation)
                return;
            m_ddlMessage = message;
            m_ddlBanner->setText(message);
            m_ddlBanner->setVisible(true);
            m_ddlEditor->setSql(QString());
        });
    reader->readDdl(m_snapshot, wanted);
}

void ObjectDetails::requestDependents()
{
    m_dependentsAsked = true;
    // Foreign keys that point here come from the snapshot; the rest from
    // pg_depend (views, triggers, owned sequences).
    for (const DbConstraint &c : m_snapshot.constraints()) {
        if (c.kind != ConstraintKind::ForeignKey || c.referencedOid != m_ref.oid
            || c.relationOid == m_ref.oid)
            continue;
        if (const DbRelation *from = m_snapshot.relation(c.relationOid))
            addRow(m_dependents,
                {tr("foreign key %1 on %2").arg(c.name, m_snapshot.qualifiedName(*from)),
                    tr("references")});
    }
    if (!m_reader)
        return;
    // Answers for an object no longer shown are dropped.
    const quint64 generation = m_generation;
    const Oid relation = m_ref.oid;
    auto done = std::make_shared<QList<QMetaObject::Connection>>();
    auto finish = [done] {
        for (const QMetaObject::Connection &c : std::as_const(*done))
            QObject::disconnect(c);
    };
    *done << connect(m_reader, &ObjectReader::dependentsReady, this,
        [this, generation, relation, finish](Oid oid, const QList<ObjectDependent> &dependents) {
            if (oid != relation)
                return;
            finish();
            if (generation != m_generation)
                return;
            for (const ObjectDependent &d : dependents)
                addRow(m_dependents, {d.object, d.dependency});
        });
    *done << connect(m_reader, &ObjectReader::dependentsFailed, this,
        [this, generation, relation, finish](Oid oid, const PgError &error) {
            if (oid != relation)
                return;
            finish();
            if (generation == m_generation)
                addRow(m_dependents, {error.message, QString()});
        });
    m_reader->readDependents(relation);
}

} // namespace tusk::widgets
