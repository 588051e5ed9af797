#include "lintrulespreferences.h"

#include "core/files/userfilewriter.h"
#include "core/lint/lintengine.h"
#include "core/preferences/preferences.h"

#include <QComboBox>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace tusk::widgets {

using namespace tusk::core;

namespace {
enum Column { RuleColumn, DefaultColumn, ChoiceColumn, ProjectColumn };

const char *const levels[] = {"default", "error", "warning", "info", "off"};

QString levelText(const QString &level)
{
    // The words as the file holds them, translated for the list.
    static const QHash<QString, QString> names = {
        {QStringLiteral("default"), LintRulesPreferences::tr("default")},
        {QStringLiteral("error"), LintRulesPreferences::tr("error")},
        {QStringLiteral("warning"), LintRulesPreferences::tr("warning")},
        {QStringLiteral("info"), LintRulesPreferences::tr("info")},
        {QStringLiteral("off"), LintRulesPreferences::tr("off")},
    };
    return names.value(level);
}

QString levelOf(const std::optional<Severity> &level)
{
    return level ? severityName(*level) : QStringLiteral("off");
}
} // namespace

LintRulesPreferences::LintRulesPreferences(const QString &projectRoot, QWidget *parent)
    : QWidget(parent)
    , m_projectRoot(projectRoot)
    , m_table(new QTableWidget(this))
    , m_projectNote(new QLabel(this))
    , m_writeProject(new QPushButton(tr("Write to the Project's .tusk-lint.toml"), this))
{
    auto *intro =
        new QLabel(tr("Each rule's level in the SQL editor and in <code>tusk lint</code>, "
                      "saved in %1. A project's .tusk-lint.toml wins over it.")
                       .arg(LintConfig::userPath().toHtmlEscaped()),
            this);
    intro->setWordWrap(true);
    m_table->setObjectName(QStringLiteral("lintRules"));
    m_table->setColumnCount(4);
    m_table->setHorizontalHeaderLabels({tr("Rule"), tr("Default"), tr("Level"), tr("Project")});
    m_table->verticalHeader()->hide();
    m_table->setSelectionMode(QAbstractItemView::NoSelection);
    m_table->horizontalHeader()->setSectionResizeMode(RuleColumn, QHeaderView::Stretch);

    const LintEngine engine;
    QString error;
    const LintConfig user = Preferences::instance()->userLintConfig(&error);
    m_userError = error; // shown under the table; nothing is saved over it
    m_loading = true;
    m_table->setRowCount(int(engine.rules().size()));
    int row = 0;
    for (const auto &rule : engine.rules()) {
        const RuleInfo &info = rule->info();
        auto *name = new QTableWidgetItem(info.id);
        name->setToolTip(info.summary);
        name->setFlags(Qt::ItemIsEnabled);
        m_table->setItem(row, RuleColumn, name);
        auto *fallback = new QTableWidgetItem(severityName(info.severity));
        fallback->setFlags(Qt::ItemIsEnabled);
        m_table->setItem(row, DefaultColumn, fallback);
        auto *choice = new QComboBox(m_table);
        choice->setAccessibleName(tr("Level of %1").arg(info.id));
        for (const char *level : levels)
            choice->addItem(levelText(QLatin1String(level)), QLatin1String(level));
        if (user.rules.contains(info.id))
            choice->setCurrentIndex(choice->findData(levelOf(user.rules.value(info.id))));
        connect(choice, &QComboBox::currentIndexChanged, this, &LintRulesPreferences::save);
        m_table->setCellWidget(row, ChoiceColumn, choice);
        m_table->setItem(row, ProjectColumn, new QTableWidgetItem());
        ++row;
    }
    m_loading = false;
    m_table->resizeColumnsToContents();

    m_projectNote->setWordWrap(true);
    m_writeProject->setEnabled(!m_projectRoot.isEmpty());
    m_writeProject->setToolTip(m_projectRoot.isEmpty()
            ? tr("No project here (a folder holding .git)")
            : tr("The levels chosen here, for everyone who works on %1").arg(m_projectRoot));
    connect(m_writeProject, &QPushButton::clicked, this, &LintRulesPreferences::writeProject);
    connect(Preferences::instance(), &Preferences::changed, this, [this](const QString &key) {
        if (key == QLatin1String(Preferences::lintKey))
            showProject();
    });

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_projectNote);
    layout->addWidget(m_writeProject, 0, Qt::AlignLeft);
    showProject();
}

QString LintRulesPreferences::choiceOf(const QString &rule) const
{
    for (int row = 0; row < m_table->rowCount(); ++row)
        if (m_table->item(row, RuleColumn)->text() == rule)
            return static_cast<QComboBox *>(m_table->cellWidget(row, ChoiceColumn))
                ->currentData()
                .toString();
    return {};
}

void LintRulesPreferences::choose(const QString &rule, const QString &level)
{
    for (int row = 0; row < m_table->rowCount(); ++row)
        if (m_table->item(row, RuleColumn)->text() == rule) {
            auto *box = static_cast<QComboBox *>(m_table->cellWidget(row, ChoiceColumn));
            box->setCurrentIndex(box->findData(level));
        }
}

LintConfig LintRulesPreferences::chosen() const
{
    LintConfig config;
    for (int row = 0; row < m_table->rowCount(); ++row) {
        const QString level = static_cast<QComboBox *>(m_table->cellWidget(row, ChoiceColumn))
                                  ->currentData()
                                  .toString();
        const QString rule = m_table->item(row, RuleColumn)->text();
        if (level == QLatin1String("off"))
            config.rules.insert(rule, std::nullopt);
        else if (const std::optional<Severity> severity = severityFromName(level))
            config.rules.insert(rule, *severity);
    }
    return config;
}

void LintRulesPreferences::save()
{
    if (m_loading)
        return;
    QString error;
    if (!Preferences::instance()->setUserLintConfig(chosen(), &error))
        emit message(tr("The lint settings were not saved: %1").arg(error));
}

void LintRulesPreferences::writeProject()
{
    const QString path = LintConfig::projectPath(m_projectRoot);
    // The team's rules this page does not list stay in their file; the
    // levels chosen here are laid over them.
    QString error;
    const std::optional<LintConfig> existing = LintConfig::read(path, &error);
    if (!existing) {
        emit message(tr("%1 was not written: it does not read (%2)").arg(path, error));
        return;
    }
    const FileWriteError failed =
        UserFileWriter::writeFile(path, existing->overlaidWith(chosen()).toToml(), {});
    if (!failed.isNull()) {
        emit message(tr("%1 was not written: %2").arg(path, failed.message));
        return;
    }
    emit message(tr("Wrote %1: commit it so the team lints alike.").arg(path));
    Preferences::instance()->lintFilesChanged(); // every editor re-lints with it
}

void LintRulesPreferences::showProject()
{
    const QString path = LintConfig::projectPath(m_projectRoot);
    QString error;
    const std::optional<LintConfig> project =
        path.isEmpty() ? std::optional<LintConfig>(LintConfig()) : LintConfig::read(path, &error);
    for (int row = 0; row < m_table->rowCount(); ++row) {
        const QString rule = m_table->item(row, RuleColumn)->text();
        m_table->item(row, ProjectColumn)
            ->setText(project && project->rules.contains(rule)
                    ? levelText(levelOf(project->rules.value(rule)))
                    : QString());
    }
    if (!m_userError.isEmpty())
        m_projectNote->setText(
            tr("Your lint.toml cannot be read, so it applies nothing and changes here are not "
               "saved until it is fixed: %1")
                .arg(m_userError));
    else if (!error.isEmpty())
        m_projectNote->setText(
            tr("The project's file cannot be read, so it applies nothing: %1").arg(error));
    else if (project && !project->isEmpty())
        m_projectNote->setText(
            tr("%1 sets %n rule(s) for this project (the Project column); they win over "
               "the levels here.",
                nullptr, int(project->rules.size()))
                .arg(path));
    else
        m_projectNote->setText(m_projectRoot.isEmpty()
                ? tr("No project here: these levels apply everywhere.")
                : tr("This project has no .tusk-lint.toml: these levels apply."));
}

} // namespace tusk::widgets
