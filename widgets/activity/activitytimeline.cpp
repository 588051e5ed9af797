#include "activitytimeline.h"

#include "core/preferences/preferences.h"

#include <QComboBox>
#include <QDir>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QLabel>
#include <QSignalBlocker>
#include <QSlider>
#include <QToolButton>

namespace tusk::widgets {

ActivityTimeline::ActivityTimeline(QWidget *parent)
    : QWidget(parent)
    , m_live(new QToolButton(this))
    , m_slider(new QSlider(Qt::Horizontal, this))
    , m_moment(new QLabel(this))
    , m_window(new QComboBox(this))
    , m_record(new QToolButton(this))
    , m_open(new QToolButton(this))
{
    m_live->setText(tr("Live"));
    m_live->setCheckable(true);
    m_live->setChecked(true);
    m_live->setToolTip(tr("Follow the server; off while you look at an earlier moment"));
    m_slider->setObjectName(QStringLiteral("activityScrubber"));
    m_slider->setRange(0, 0);
    m_slider->setToolTip(tr("The grid and the tree as they were at any moment kept"));
    m_moment->setMinimumWidth(180);
    m_window->addItem(tr("last 5 min"), 5 * 60'000);
    m_window->addItem(tr("last 15 min"), 15 * 60'000);
    m_window->addItem(tr("last hour"), 60 * 60'000);
    m_window->setCurrentIndex(1);
    m_window->setToolTip(tr("What the charts and the statement differences cover"));
    m_record->setText(tr("Record…"));
    m_record->setToolTip(tr("Record every sample to a file (SQLite) to open later"));
    m_open->setText(tr("Open Recording…"));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_live);
    layout->addWidget(m_slider, 1);
    layout->addWidget(m_moment);
    layout->addWidget(m_window);
    layout->addWidget(m_record);
    layout->addWidget(m_open);

    connect(m_live, &QToolButton::toggled, this, [this](bool live) {
        if (live)
            goLive();
    });
    connect(m_slider, &QSlider::valueChanged, this, [this](int value) {
        const bool atEnd = value == m_slider->maximum() && !m_replaying;
        {
            const QSignalBlocker quiet(m_live);
            m_live->setChecked(atEnd);
        }
        if (atEnd)
            emit wentLive();
        else
            emit scrubbed(value);
    });
    connect(m_window, &QComboBox::currentIndexChanged, this, &ActivityTimeline::windowChanged);
    connect(m_record, &QToolButton::clicked, this, [this] {
        if (m_recording)
            emit stopRecording();
        else
            chooseFile(true);
    });
    connect(m_open, &QToolButton::clicked, this, [this] {
        if (m_replaying)
            emit closeRecording();
        else
            chooseFile(false);
    });
}

void ActivityTimeline::chooseFile(bool save)
{
    auto *dialog =
        new QFileDialog(this, save ? tr("Record Activity To") : tr("Open Activity Recording"),
            core::Preferences::instance()->recordingsFolder(),
            tr("Activity recordings (*.tuskactivity *.sqlite);;All files (*)"));
    // Recordings go where the Preferences say; the folder is made on first use.
    QDir().mkpath(core::Preferences::instance()->recordingsFolder());
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setAcceptMode(save ? QFileDialog::AcceptSave : QFileDialog::AcceptOpen);
    dialog->setFileMode(save ? QFileDialog::AnyFile : QFileDialog::ExistingFile);
    dialog->setDefaultSuffix(QStringLiteral("tuskactivity"));
    connect(dialog, &QFileDialog::fileSelected, this, [this, save](const QString &path) {
        if (save)
            emit recordTo(path);
        else
            emit openRecording(path);
    });
    dialog->open();
}

void ActivityTimeline::setSamples(int count, const QDateTime &first, const QDateTime &last)
{
    const bool live = isLive();
    const QSignalBlocker quiet(m_slider);
    m_slider->setRange(0, std::max(0, count - 1));
    if (live && !m_replaying)
        m_slider->setValue(m_slider->maximum());
    m_slider->setToolTip(count > 0
            ? tr("%1 samples, %2 to %3")
                  .arg(count)
                  .arg(first.toLocalTime().toString(QStringLiteral("HH:mm:ss")),
                      last.toLocalTime().toString(QStringLiteral("HH:mm:ss")))
            : QString());
}

void ActivityTimeline::setMoment(const QDateTime &moment, const QString &what)
{
    m_moment->setText(moment.isValid() ? QStringLiteral("%1 %2").arg(
                          moment.toLocalTime().toString(QStringLiteral("HH:mm:ss")), what)
                                       : what);
}

bool ActivityTimeline::isLive() const
{
    return m_live->isChecked() && !m_replaying;
}

void ActivityTimeline::goLive()
{
    if (m_replaying)
        emit closeRecording();
    {
        const QSignalBlocker quiet(m_slider);
        m_slider->setValue(m_slider->maximum());
    }
    const QSignalBlocker quiet(m_live);
    m_live->setChecked(true);
    emit wentLive();
}

int ActivityTimeline::index() const
{
    return m_slider->value();
}

void ActivityTimeline::scrubTo(int index)
{
    m_slider->setValue(index);
}

qint64 ActivityTimeline::windowMs() const
{
    return m_window->currentData().toLongLong();
}

void ActivityTimeline::setRecording(bool recording, const QString &text)
{
    m_recording = recording;
    m_record->setText(recording ? text : tr("Record…"));
}

void ActivityTimeline::setReplaying(const QString &what)
{
    m_replaying = !what.isEmpty();
    m_open->setText(m_replaying ? tr("Close Recording") : tr("Open Recording…"));
    const QSignalBlocker quiet(m_live);
    m_live->setChecked(!m_replaying);
    if (m_replaying)
        m_moment->setText(what);
}

} // namespace tusk::widgets
