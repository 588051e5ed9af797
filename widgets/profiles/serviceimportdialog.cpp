#include "serviceimportdialog.h"

#include "core/profiles/profileregistry.h"

#include "core/profiles/servicefile.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalBlocker>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace tusk::widgets {

using namespace core;

ServiceImportDialog::ServiceImportDialog(core::ProfileRegistry *profiles, QWidget *parent)
    : QDialog(parent)
    , m_profiles(profiles)
    , m_sources(new QLabel(this))
    , m_services(new QTreeWidget(this))
    , m_notes(new QLabel(this))
    , m_target(new QComboBox(this))
{
    setObjectName(QStringLiteral("serviceImport"));
    setWindowTitle(tr("Import connection services"));
    m_sources->setObjectName(QStringLiteral("serviceSources"));
    m_sources->setWordWrap(true);
    m_sources->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_services->setObjectName(QStringLiteral("serviceList"));
    m_services->setHeaderLabels({tr("Profile"), tr("Connection"), tr("From")});
    m_services->setRootIsDecorated(false);
    m_services->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_notes->setObjectName(QStringLiteral("serviceNotes"));
    m_notes->setWordWrap(true);
    m_notes->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_target->setObjectName(QStringLiteral("serviceTarget"));
    const ProfileStore &store = profiles->store();
    m_target->addItem(tr("User: %1").arg(store.userFile().path()), int(ProfileScope::User));
    if (!store.projectRoot().isEmpty())
        m_target->addItem(
            tr("Project: %1").arg(store.projectFile().path()), int(ProfileScope::Project));

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_import = buttons->addButton(tr("&Import"), QDialogButtonBox::AcceptRole);
    m_import->setObjectName(QStringLiteral("importButton"));
    QPushButton *open = buttons->addButton(tr("&Open another file…"), QDialogButtonBox::ActionRole);
    connect(open, &QPushButton::clicked, this, &ServiceImportDialog::openFile);
    connect(buttons, &QDialogButtonBox::accepted, this, &ServiceImportDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_services, &QTreeWidget::itemChanged, this,
        [this] { m_import->setEnabled(!checkedProfiles().isEmpty()); });

    auto *form = new QFormLayout;
    form->addRow(tr("Add &to:"), m_target);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_sources);
    layout->addWidget(m_services, 1);
    layout->addWidget(m_notes);
    layout->addLayout(form);
    layout->addWidget(buttons);
    resize(720, 420);
    readFiles(ServiceFile::defaultPaths());
}

void ServiceImportDialog::readFiles(const QStringList &paths)
{
    // itemChanged would fire while rows are half built.
    const QSignalBlocker quiet(m_services);
    m_found.clear();
    m_services->clear();
    QStringList notes;
    for (const QString &path : paths) {
        QStringList skipped;
        QString error;
        const QList<Profile> services = ServiceFile::read(path, &skipped, &error);
        if (!error.isEmpty())
            notes << error;
        notes << skipped;
        for (const Profile &service : services) {
            const bool exists = m_profiles->find(service.name).has_value();
            auto *item = new QTreeWidgetItem(m_services,
                {service.name, service.connInfo().toDisplayString(),
                    exists ? tr("a profile of that name exists") : path});
            item->setCheckState(0, exists ? Qt::Unchecked : Qt::Checked);
            if (exists)
                item->setFlags(item->flags() & ~Qt::ItemIsEnabled);
            item->setData(0, Qt::UserRole, int(m_found.size()));
            m_found << service;
        }
    }
    m_sources->setText(paths.isEmpty()
            ? tr("No pg_service.conf was found ($PGSERVICEFILE, ~/.pg_service.conf, "
                 "$PGSYSCONFDIR). Open one to import its services.")
            : tr("Services in %1. Passwords stay behind: ~/.pgpass or the keychain keeps them.")
                  .arg(paths.join(QStringLiteral(", "))));
    m_notes->setText(notes.join(QLatin1Char('\n')));
    m_notes->setVisible(!notes.isEmpty());
    m_import->setEnabled(!checkedProfiles().isEmpty());
}

QList<Profile> ServiceImportDialog::checkedProfiles() const
{
    QList<Profile> list;
    for (int i = 0; i < m_services->topLevelItemCount(); ++i) {
        const QTreeWidgetItem *item = m_services->topLevelItem(i);
        if (item->checkState(0) == Qt::Checked && (item->flags() & Qt::ItemIsEnabled))
            list << m_found.at(item->data(0, Qt::UserRole).toInt());
    }
    return list;
}

void ServiceImportDialog::openFile()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Open a connection service file"),
        QDir::homePath(), tr("Service files (pg_service.conf *.conf);;All files (*)"));
    if (!path.isEmpty())
        readFiles({path});
}

void ServiceImportDialog::accept()
{
    const QList<Profile> profiles = checkedProfiles();
    ProfileStore &store = m_profiles->store();
    ProfileFile *file = ProfileScope(m_target->currentData().toInt()) == ProfileScope::Project
        ? &store.projectFile()
        : &store.userFile();
    QString error;
    if (!m_profiles->addProfiles(profiles, file, &error)) {
        QMessageBox::warning(this, tr("Nothing imported"), error);
        return;
    }
    for (const Profile &p : profiles)
        m_imported << p.name;
    QDialog::accept();
}

} // namespace tusk::widgets
