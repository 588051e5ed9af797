#include "preferencesdialog.h"

#include "lintrulespreferences.h"

#include "core/preferences/preferences.h"
#include "widgets/activity/activitythresholdsform.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFontComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTabWidget>
#include <QVBoxLayout>

namespace tusk::widgets {

using core::Preferences;

PreferencesDialog::PreferencesDialog(const QString &projectRoot, QWidget *parent)
    : QDialog(parent)
    , m_pages(new QTabWidget(this))
    , m_lint(new LintRulesPreferences(projectRoot, this))
{
    setWindowTitle(tr("Preferences"));
    setObjectName(QStringLiteral("preferences"));
    resize(720, 560);
    m_pages->addTab(appearancePage(), tr("Appearance"));
    m_pages->addTab(editorPage(), tr("SQL Editor"));
    m_pages->addTab(m_lint, tr("Lint Rules"));
    m_pages->addTab(activityPage(), tr("Activity"));
    connect(m_lint, &LintRulesPreferences::message, this, &PreferencesDialog::message);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::close);
    auto *note = new QLabel(tr("Changes apply at once."), this);
    auto *bottom = new QHBoxLayout;
    bottom->addWidget(note, 1);
    bottom->addWidget(buttons);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_pages, 1);
    layout->addLayout(bottom);
}

QWidget *PreferencesDialog::appearancePage()
{
    Preferences *preferences = Preferences::instance();
    auto *page = new QWidget(m_pages);
    auto *form = new QFormLayout(page);

    auto *theme = new QComboBox(page);
    theme->setObjectName(QStringLiteral("theme"));
    theme->addItem(tr("The desktop's"), QStringLiteral("system"));
    theme->addItem(tr("Light"), QStringLiteral("light"));
    theme->addItem(tr("Dark"), QStringLiteral("dark"));
    theme->setCurrentIndex(theme->findData(Preferences::themeName(preferences->theme())));
    connect(theme, &QComboBox::currentIndexChanged, this, [theme] {
        const QString name = theme->currentData().toString();
        Preferences::instance()->setTheme(name == QLatin1String("dark") ? Preferences::Theme::Dark
                : name == QLatin1String("light")                        ? Preferences::Theme::Light
                                                 : Preferences::Theme::System);
    });
    form->addRow(tr("Theme:"), theme);

    auto *family = new QFontComboBox(page);
    family->setObjectName(QStringLiteral("editorFont"));
    family->setFontFilters(QFontComboBox::MonospacedFonts);
    auto *useSystem = new QCheckBox(tr("The system's fixed-width font"), page);
    useSystem->setChecked(preferences->editorFontFamily().isEmpty());
    family->setEnabled(!useSystem->isChecked());
    if (!preferences->editorFontFamily().isEmpty())
        family->setCurrentFont(QFont(preferences->editorFontFamily()));
    auto *size = new QSpinBox(page);
    size->setObjectName(QStringLiteral("editorFontSize"));
    size->setRange(0, 72);
    size->setSpecialValueText(tr("the system's"));
    size->setSuffix(tr(" pt"));
    size->setValue(preferences->editorFontSize());
    const auto storeFont = [family, size, useSystem] {
        family->setEnabled(!useSystem->isChecked());
        Preferences::instance()->setEditorFont(
            useSystem->isChecked() ? QString() : family->currentFont().family(), size->value());
    };
    connect(family, &QFontComboBox::currentFontChanged, this, storeFont);
    connect(size, &QSpinBox::valueChanged, this, storeFont);
    connect(useSystem, &QCheckBox::toggled, this, storeFont);
    form->addRow(tr("Editor font:"), useSystem);
    form->addRow(QString(), family);
    form->addRow(tr("Font size:"), size);

    auto *tabs = new QSpinBox(page);
    tabs->setObjectName(QStringLiteral("tabWidth"));
    tabs->setRange(1, 16);
    tabs->setValue(preferences->tabWidth());
    connect(tabs, &QSpinBox::valueChanged, this,
        [](int width) { Preferences::instance()->setTabWidth(width); });
    form->addRow(tr("Tab width:"), tabs);
    return page;
}

QWidget *PreferencesDialog::editorPage()
{
    Preferences *preferences = Preferences::instance();
    auto *page = new QWidget(m_pages);
    auto *form = new QFormLayout(page);
    auto *rows = new QSpinBox(page);
    rows->setObjectName(QStringLiteral("rowCap"));
    rows->setRange(0, 100'000'000);
    rows->setGroupSeparatorShown(true);
    rows->setSpecialValueText(tr("all"));
    rows->setValue(preferences->rowCap());
    connect(rows, &QSpinBox::valueChanged, this,
        [](int value) { Preferences::instance()->setRowCap(value); });
    form->addRow(tr("Rows kept per result (new tabs):"), rows);
    auto *readOnly = new QCheckBox(tr("New SQL tabs start read-only"), page);
    readOnly->setObjectName(QStringLiteral("readOnly"));
    readOnly->setChecked(preferences->readOnlyByDefault());
    connect(readOnly, &QCheckBox::toggled, this,
        [](bool on) { Preferences::instance()->setReadOnlyByDefault(on); });
    form->addRow(QString(), readOnly);
    form->addRow(tr("Unsaved tabs kept in:"),
        folderRow(QStringLiteral("autosaveFolder"), preferences->autosaveFolder(),
            [](const QString &folder) { Preferences::instance()->setAutosaveFolder(folder); }));
    auto *later = new QLabel(tr("A new folder is used from the next start of Tusk."), page);
    later->setEnabled(false);
    form->addRow(QString(), later);
    return page;
}

QWidget *PreferencesDialog::activityPage()
{
    Preferences *preferences = Preferences::instance();
    auto *page = new QWidget(m_pages);
    auto *layout = new QVBoxLayout(page);
    auto *form = new QFormLayout;
    auto *interval = new QDoubleSpinBox(page);
    interval->setObjectName(QStringLiteral("activityInterval"));
    interval->setRange(0.5, 10);
    interval->setSingleStep(0.5);
    interval->setSuffix(tr(" s"));
    interval->setValue(preferences->activityIntervalSeconds());
    connect(interval, &QDoubleSpinBox::valueChanged, this,
        [](double seconds) { Preferences::instance()->setActivityIntervalSeconds(seconds); });
    form->addRow(tr("Refresh every:"), interval);
    form->addRow(tr("Recordings kept in:"),
        folderRow(QStringLiteral("recordingsFolder"), preferences->recordingsFolder(),
            [](const QString &folder) { Preferences::instance()->setRecordingsFolder(folder); }));
    layout->addLayout(form);
    layout->addWidget(new ActivityThresholdsForm(page));
    layout->addStretch(1);
    return page;
}

QWidget *PreferencesDialog::folderRow(const QString &objectName, const QString &current,
    const std::function<void(const QString &)> &set)
{
    auto *row = new QWidget(m_pages);
    auto *line = new QLineEdit(current, row);
    line->setObjectName(objectName);
    auto *browse = new QPushButton(tr("Choose…"), row);
    connect(line, &QLineEdit::editingFinished, this, [line, set] { set(line->text().trimmed()); });
    connect(browse, &QPushButton::clicked, this, [this, line, set] {
        // Asked asynchronously: no second event loop on the GUI thread.
        auto *dialog = new QFileDialog(this, tr("Choose a Folder"), line->text());
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->setFileMode(QFileDialog::Directory);
        dialog->setOption(QFileDialog::ShowDirsOnly);
        connect(dialog, &QFileDialog::fileSelected, this, [line, set](const QString &folder) {
            line->setText(folder);
            set(folder);
        });
        dialog->open();
    });
    auto *layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(line, 1);
    layout->addWidget(browse);
    return row;
}

} // namespace tusk::widgets
