#include "planpage.h"

#include "plancomparisonview.h"
#include "planpastedialog.h"
#include "planviewer.h"

#include "core/plan/planreader.h"
#include "core/support/backgroundpool.h"
#include "core/workspace/workspace.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QDir>
#include <QDragEnterEvent>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QLabel>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QStackedWidget>
#include <QTabWidget>
#include <QToolBar>
#include <QToolButton>
#include <QVBoxLayout>

#include <optional>

namespace tusk::widgets {

using namespace tusk::core;

namespace {

// Plans are text; anything much larger than the biggest real plan is a
// wrong file, not a plan to read into memory.
constexpr qint64 maxPlanFileBytes = 256 * 1024 * 1024;

// The note over a plan: where it came from, then what was skipped or mended
// to find it, each as a sentence.
QString noteWithWarnings(const QString &note, const QStringList &warnings)
{
    QStringList lines;
    if (!note.isEmpty())
        lines << note;
    for (QString w : warnings) {
        if (!w.isEmpty())
            w[0] = w.at(0).toUpper();
        lines << w + QLatin1Char('.');
    }
    return lines.join(QLatin1Char('\n'));
}

} // namespace

ToolPage::Info PlanPage::toolInfo() const
{
    return {QStringLiteral("plan"), tr("Plan"),
        tr("EXPLAIN plans drawn as trees: exclusive times, misestimates, buffers, hints, "
           "and two plans side by side.")};
}

void PlanPage::attach(core::Workspace *workspace, ToolHost *host)
{
    m_workspace = workspace;
    m_host = host;
    connect(workspace, &core::Workspace::targetChanged, this, [this, workspace] {
        m_writeOptions = workspace->fileWriteOptions();
        for (int i = 0; i < m_tabs->count(); ++i) {
            if (auto *viewer = qobject_cast<PlanViewer *>(m_tabs->widget(i)))
                viewer->setWriteOptions(m_writeOptions);
        }
    });
    if (host)
        connect(this, &PlanPage::message, this,
            [host](const QString &text) { host->showMessage(text); });
}

QStringList PlanPage::fileSuffixes() const
{
    return {QStringLiteral("json"), QStringLiteral("txt"), QStringLiteral("yaml"),
        QStringLiteral("yml"), QStringLiteral("xml"), QStringLiteral("plan"),
        QStringLiteral("explain")};
}

bool PlanPage::openFiles(const QStringList &paths)
{
    bool all = true;
    for (const QString &path : paths)
        all = openFile(path) && all;
    return all;
}

bool PlanPage::receive(const ToolHandoff &handoff)
{
    // Explain ran on the workspace's target: Try an index plans there too.
    std::optional<core::ConnInfo> target;
    if (!handoff.statement.isEmpty() && m_workspace && !m_workspace->target().connInfo.isEmpty())
        target = m_workspace->target().connInfo;
    const QByteArray statement = handoff.statement.toUtf8();
    const auto setSource = [statement, target](PlanViewer *viewer) {
        if (viewer && target)
            viewer->setSource(statement, *target);
    };
    const QString text = handoff.text;
    if (text.size() >= readOnWorkerBytes) {
        readThenOpen(
            [text] {
                return ReadPlans {PlanReader::readAll(text), {}};
            },
            handoff.title, handoff.note, {}, setSource);
        return true;
    }
    PlanViewer *viewer = openText(text, handoff.title, handoff.note);
    setSource(viewer);
    return viewer != nullptr;
}

PlanPage::PlanPage(QWidget *parent)
    : QWidget(parent)
    , m_error(new QLabel(this))
    , m_reading(new QLabel(this))
    , m_choiceBar(new QWidget(this))
    , m_choiceText(new QLabel(m_choiceBar))
    , m_choiceCombo(new QComboBox(m_choiceBar))
    , m_stack(new QStackedWidget(this))
    , m_tabs(new QTabWidget(this))
{
    setAcceptDrops(true);
    auto *bar = new QToolBar(tr("Plan"), this);
    bar->setObjectName(QStringLiteral("planWorkbenchBar"));
    bar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    QAction *open = bar->addAction(tr("Open…"), this, &PlanPage::openFileDialog);
    open->setShortcut(QKeySequence::Open);
    open->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    open->setToolTip(tr("Open a plan file: JSON, text, YAML or XML (%1)")
                         .arg(open->shortcut().toString(QKeySequence::NativeText)));
    addAction(open);
    QAction *paste = bar->addAction(tr("Paste…"), this, &PlanPage::pasteDialog);
    paste->setShortcut(QKeySequence::Paste);
    paste->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    paste->setToolTip(tr("Paste EXPLAIN output in any format (%1)")
                          .arg(paste->shortcut().toString(QKeySequence::NativeText)));
    addAction(paste);
    QAction *compare = bar->addAction(tr("Compare…"), this, &PlanPage::compareDialog);
    compare->setToolTip(tr("Compare the current plan with another plan of the same query"));

    m_error->setObjectName(QStringLiteral("planError"));
    m_error->setWordWrap(true);
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_error->setStyleSheet(
        QStringLiteral("QLabel { background: #fde7e9; color: #8a1020; border: 1px solid #f1a7b0; "
                       "border-radius: 3px; padding: 4px 8px; }"));
    m_error->hide();

    m_choiceBar->setObjectName(QStringLiteral("planChoice"));
    m_choiceCombo->setObjectName(QStringLiteral("planChoiceCombo"));
    m_choiceText->setObjectName(QStringLiteral("planChoiceText"));
    auto *openChoice = new QPushButton(tr("Open"), m_choiceBar);
    openChoice->setObjectName(QStringLiteral("planChoiceOpen"));
    auto *dismiss = new QToolButton(m_choiceBar);
    dismiss->setText(QStringLiteral("✕"));
    dismiss->setToolTip(tr("Hide; the open tabs stay"));
    connect(openChoice, &QPushButton::clicked, this, &PlanPage::openChoice);
    connect(dismiss, &QToolButton::clicked, this, [this] {
        m_choiceBar->hide();
        m_choices.clear();
    });
    auto *choiceLayout = new QHBoxLayout(m_choiceBar);
    choiceLayout->setContentsMargins(8, 2, 8, 2);
    choiceLayout->addWidget(m_choiceText);
    choiceLayout->addWidget(m_choiceCombo, 1);
    choiceLayout->addWidget(openChoice);
    choiceLayout->addWidget(dismiss);
    m_choiceBar->hide();
    m_reading->setObjectName(QStringLiteral("planReading"));
    m_reading->setContentsMargins(8, 2, 8, 2);
    m_reading->hide();
    // readFinished() crosses queued connections and signal spies.
    qRegisterMetaType<PlanViewer *>();

    auto *empty = new QLabel(
        tr("<h3>No plan open</h3><p>Open a plan file, paste EXPLAIN output (%1), or drop a "
           "file or text here.</p><p>JSON, text (any psql style), YAML and XML are read, "
           "with or without ANALYZE.</p><p>From the SQL tool, <b>Explain</b> runs EXPLAIN on "
           "the statement under the caret and opens the plan here.</p>")
            .arg(QKeySequence(QKeySequence::Paste).toString(QKeySequence::NativeText)),
        m_stack);
    empty->setObjectName(QStringLiteral("planEmpty"));
    empty->setAlignment(Qt::AlignCenter);
    empty->setWordWrap(true);
    m_tabs->setObjectName(QStringLiteral("planTabs"));
    m_tabs->setTabsClosable(true);
    m_tabs->setMovable(true);
    m_tabs->setDocumentMode(true);
    connect(m_tabs, &QTabWidget::tabCloseRequested, this, [this](int index) {
        QWidget *page = m_tabs->widget(index);
        m_tabs->removeTab(index);
        page->deleteLater();
        if (m_tabs->count() == 0)
            m_stack->setCurrentIndex(0);
    });
    m_stack->addWidget(empty);
    m_stack->addWidget(m_tabs);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(bar);
    layout->addWidget(m_error);
    layout->addWidget(m_reading);
    layout->addWidget(m_choiceBar);
    layout->addWidget(m_stack, 1);
}

void PlanPage::showError(const QString &text)
{
    m_error->setText(text);
    m_error->setVisible(!text.isEmpty());
    if (!text.isEmpty())
        emit message(text);
}

QString PlanPage::errorText() const
{
    return m_error->isHidden() ? QString() : m_error->text();
}

void PlanPage::addTab(QWidget *page, const QString &title, const QString &tooltip)
{
    if (auto *viewer = qobject_cast<PlanViewer *>(page)) {
        viewer->setWriteOptions(m_writeOptions);
        viewer->setToolHost(m_host);
    }
    const int index = m_tabs->addTab(page, title);
    m_tabs->setTabToolTip(index, tooltip);
    m_tabs->setCurrentIndex(index);
    m_stack->setCurrentWidget(m_tabs);
}

PlanViewer *PlanPage::openText(const QString &text, const QString &title, const QString &note)
{
    if (text.size() >= readOnWorkerBytes) {
        readThenOpen(
            [text] {
                return ReadPlans {PlanReader::readAll(text), {}};
            },
            title, note, {}, nullptr);
        return nullptr;
    }
    return openResults(PlanReader::readAll(text), title, note);
}

void PlanPage::readThenOpen(std::function<ReadPlans()> read, const QString &title,
    const QString &note, const QString &path, std::function<void(PlanViewer *)> then)
{
    ++m_readsRunning;
    m_reading->setText(
        tr("Reading %1…").arg(path.isEmpty() ? title : QDir::toNativeSeparators(path)));
    m_reading->show();
    BackgroundPool::run<ReadPlans>(this, std::move(read),
        [this, title, note, path, then = std::move(then)](ReadPlans &&plans) {
            if (--m_readsRunning == 0)
                m_reading->hide();
            PlanViewer *viewer = openRead(std::move(plans), title, note, path);
            if (then)
                then(viewer);
            emit readFinished(viewer);
        });
}

PlanViewer *PlanPage::openRead(
    ReadPlans &&read, const QString &title, const QString &note, const QString &path)
{
    if (!read.error.isEmpty()) {
        showError(read.error);
        return nullptr;
    }
    PlanViewer *viewer = openResults(std::move(read.results), title, note);
    if (path.isEmpty())
        return viewer;
    if (viewer)
        m_tabs->setTabToolTip(m_tabs->indexOf(viewer), QDir::toNativeSeparators(path));
    else
        showError(m_error->text().replace(title, QDir::toNativeSeparators(path)));
    return viewer;
}

PlanViewer *PlanPage::openResults(
    QList<PlanReader::Result> &&results, const QString &title, const QString &note)
{
    if (results.size() <= 1) {
        m_choiceBar->hide();
        m_choices.clear();
        return openResult(std::move(results.front()), title, note);
    }
    offerChoice(results, title, note);
    m_choiceCombo->setCurrentIndex(0);
    return openChoice();
}

void PlanPage::offerChoice(
    const QList<PlanReader::Result> &results, const QString &title, const QString &note)
{
    m_choices = results;
    m_choiceTitle = title;
    m_choiceNote = note;
    m_choiceCombo->clear();
    for (const PlanReader::Result &r : results) {
        const QString what = r.ok()
            ? tr("%1 (%n node(s))", nullptr, int(r.plan.nodes.size())).arg(r.plan.root().title())
            : tr("cannot be read: %1").arg(r.error.toString());
        m_choiceCombo->addItem(tr("Plan %1: %2").arg(r.index + 1).arg(what));
    }
    m_choiceText->setText(tr("“%1” holds %2 plans. Open:").arg(title).arg(results.size()));
    m_choiceBar->show();
}

PlanViewer *PlanPage::openChoice()
{
    const int index = m_choiceCombo->currentIndex();
    if (index < 0 || index >= m_choices.size())
        return nullptr;
    PlanReader::Result result = m_choices.at(index);
    const QString title =
        tr("%1 (%2 of %3)").arg(m_choiceTitle).arg(index + 1).arg(m_choices.size());
    return openResult(std::move(result), title, m_choiceNote);
}

PlanViewer *PlanPage::openResult(
    PlanReader::Result &&result, const QString &title, const QString &note)
{
    if (!result.ok()) {
        showError(tr("%1: the plan could not be read: %2").arg(title, result.error.toString()));
        return nullptr;
    }
    showError({});
    const QString shown = noteWithWarnings(note, result.warnings);
    auto *viewer = new PlanViewer(m_tabs);
    viewer->setPlan(std::make_shared<const Plan>(std::move(result.plan)), title, shown);
    addTab(viewer, title, shown.isEmpty() ? title : title + QLatin1Char('\n') + shown);
    if (!result.warnings.isEmpty())
        emit message(tr("%1: %2").arg(title, result.warnings.join(QStringLiteral("; "))));
    return viewer;
}

PlanViewer *PlanPage::openFile(const QString &path)
{
    const qint64 size = QFileInfo(path).size();
    if (size > maxPlanFileBytes) {
        showError(tr("%1 is %2 MB: too large to be a plan.")
                      .arg(QDir::toNativeSeparators(path))
                      .arg(size >> 20));
        return nullptr;
    }
    // QFile's own error texts are translated by Qt, on any thread.
    const auto read = [path] {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            return ReadPlans {{},
                tr("Cannot open %1: %2").arg(QDir::toNativeSeparators(path), file.errorString())};
        return ReadPlans {PlanReader::readAll(file.readAll()), {}};
    };
    const QString title = QFileInfo(path).fileName();
    if (size >= readOnWorkerBytes) {
        readThenOpen(read, title, {}, path, nullptr);
        return nullptr;
    }
    return openRead(read(), title, {}, path);
}

PlanViewer *PlanPage::viewerAt(int tab) const
{
    return qobject_cast<PlanViewer *>(m_tabs->widget(tab));
}

PlanViewer *PlanPage::currentViewer() const
{
    return viewerAt(m_tabs->currentIndex());
}

PlanComparisonView *PlanPage::compare(int beforeTab, int afterTab)
{
    PlanViewer *before = viewerAt(beforeTab);
    PlanViewer *after = viewerAt(afterTab);
    if (!before || !after || !before->plan() || !after->plan())
        return nullptr;
    auto *view = new PlanComparisonView(m_tabs);
    view->setPlans(before->plan(), before->title(), after->plan(), after->title());
    addTab(view, tr("%1 ⇄ %2").arg(before->title(), after->title()),
        tr("Before: %1\nAfter: %2").arg(before->title(), after->title()));
    return view;
}

void PlanPage::openFileDialog()
{
    const QStringList paths = QFileDialog::getOpenFileNames(this, tr("Open plans"), QString(),
        tr("Plans (*.json *.txt *.yaml *.yml *.xml *.plan *.explain);;All files (*)"));
    for (const QString &path : paths)
        openFile(path);
}

void PlanPage::pasteDialog()
{
    // Window-modal, answered by signal: the GUI thread never runs a second
    // event loop for it.
    auto *dialog = new PlanPasteDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setText(QApplication::clipboard()->text());
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        QList<PlanReader::Result> results = dialog->results();
        openResults(std::move(results), tr("Pasted %1").arg(m_tabs->count() + 1));
    });
    dialog->open();
}

void PlanPage::compareDialog()
{
    const int current = m_tabs->currentIndex();
    if (!viewerAt(current)) {
        showError(tr("Open a plan first, then compare it with another plan of the same query."));
        return;
    }
    QStringList choices;
    QList<int> tabsOfChoices;
    for (int i = 0; i < m_tabs->count(); ++i) {
        if (i != current && viewerAt(i)) {
            choices << viewerAt(i)->title();
            tabsOfChoices << i;
        }
    }
    const QString fromFile = tr("A plan file…");
    choices << fromFile;
    bool ok = false;
    const QString choice = QInputDialog::getItem(this, tr("Compare plans"),
        tr("Compare “%1” (before) with:").arg(viewerAt(current)->title()), choices, 0, false, &ok);
    if (!ok)
        return;
    int other = -1;
    if (choice == fromFile) {
        const QString path =
            QFileDialog::getOpenFileName(this, tr("The plan to compare with"), QString(),
                tr("Plans (*.json *.txt *.yaml *.yml *.xml *.plan *.explain);;All files (*)"));
        if (path.isEmpty())
            return;
        if (!openFile(path)) {
            if (!isReading())
                return;
            // A large file opens later; compare with it then.
            const QPointer<PlanViewer> before = viewerAt(current);
            connect(
                this, &PlanPage::readFinished, this,
                [this, before](PlanViewer *after) {
                    if (before && after)
                        compare(m_tabs->indexOf(before), m_tabs->indexOf(after));
                },
                Qt::SingleShotConnection);
            return;
        }
        other = m_tabs->currentIndex();
    } else {
        other = tabsOfChoices.value(choices.indexOf(choice), -1);
    }
    compare(current, other);
}

void PlanPage::dragEnterEvent(QDragEnterEvent *event)
{
    if (event->mimeData()->hasUrls() || event->mimeData()->hasText())
        event->acceptProposedAction();
}

void PlanPage::dropEvent(QDropEvent *event)
{
    if (openMimeData(event->mimeData()))
        event->acceptProposedAction();
}

bool PlanPage::openMimeData(const QMimeData *data)
{
    bool opened = false;
    if (data->hasUrls()) {
        for (const QUrl &url : data->urls())
            if (url.isLocalFile())
                opened = openFile(url.toLocalFile()) || opened;
    } else if (data->hasText()) {
        opened = openText(data->text(), tr("Dropped %1").arg(m_tabs->count() + 1));
    }
    opened = opened || isReading(); // a large file or text opens when read
    return opened;
}

} // namespace tusk::widgets
