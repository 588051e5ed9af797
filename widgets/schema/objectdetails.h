#pragma once

#include "core/catalog/catalogsnapshot.h"
#include "core/catalog/healthfinding.h"

#include <QPointer>
#include <QTabWidget>

class QLabel;
class QTableWidget;

namespace tusk::core {
class Connection;
class ObjectReader;
} // namespace tusk::core

namespace tusk::widgets {

class HealthView;
class SqlViewer;

// The details of the object selected in the browser, in tabs: Columns,
// Indexes, Constraints, Statistics, DDL (highlighted, read from the server
// when the tab is shown), Dependents and Health. What needs the server is
// read asynchronously through the database's ObjectReader; a lock or a
// vanished object becomes a message on the tab, never a wait. GUI thread.
class ObjectDetails : public QTabWidget {
    Q_OBJECT
public:
    enum Tab {
        ColumnsTab,
        IndexesTab,
        ConstraintsTab,
        StatisticsTab,
        DdlTab,
        DependentsTab,
        HealthTab
    };

    explicit ObjectDetails(QWidget *parent = nullptr);

    // Shows `ref` of `snapshot`; `reader` (core's, on the database's
    // object session) answers what the snapshot lacks. A null ref with
    // findings shows the whole database's health.
    void showObject(const core::CatalogSnapshot &snapshot, const core::CatalogObjectRef &ref,
        const QList<core::HealthFinding> &findings, core::ObjectReader *reader);
    core::CatalogObjectRef object() const { return m_ref; }
    QString ddl() const;
    QString ddlMessage() const;
    HealthView *healthView() const { return m_health; }
    QTableWidget *table(Tab tab) const;

signals:
    void ddlShown(const QString &ddl);
    void openObject(const core::CatalogObjectRef &ref, core::Oid relationOid);

private:
    void fillRelation(const core::DbRelation &relation);
    void fillStatistics(const core::DbRelation &relation);
    void requestDdl();
    void requestDependents();
    void onTabChanged(int index);

    core::CatalogSnapshot m_snapshot;
    core::CatalogObjectRef m_ref;
    QPointer<core::ObjectReader> m_reader;
    bool m_ddlAsked = false;
    bool m_dependentsAsked = false;
    QString m_ddl;
    QString m_ddlMessage;
    quint64 m_generation = 0;

    QTableWidget *m_columns;
    QTableWidget *m_indexes;
    QTableWidget *m_constraints;
    QTableWidget *m_statistics;
    QTableWidget *m_dependents;
    QWidget *m_ddlPage;
    QLabel *m_ddlBanner;
    SqlViewer *m_ddlEditor;
    HealthView *m_health;
};

} // namespace tusk::widgets
