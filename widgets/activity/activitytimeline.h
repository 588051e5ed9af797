#pragma once

#include <QDateTime>
#include <QWidget>

class QComboBox;
class QLabel;
class QSlider;
class QToolButton;

namespace tusk::widgets {

// The Activity page's timeline (issue 24, point 9): a scrubber over the
// samples kept (the last hour, or an opened recording) that puts the grid
// and the tree back as they were at that moment, Live to follow the server
// again, the charts' window, and recording to a file / opening one. File
// dialogs are opened window-modal with open(), never exec().
class ActivityTimeline : public QWidget {
    Q_OBJECT
public:
    explicit ActivityTimeline(QWidget *parent = nullptr);

    // `count` samples from `first` to `last`; a live timeline stays at the end.
    void setSamples(int count, const QDateTime &first, const QDateTime &last);
    void setMoment(const QDateTime &moment, const QString &what);
    bool isLive() const;
    void goLive();
    int index() const;
    void scrubTo(int index);
    qint64 windowMs() const;
    void setRecording(bool recording, const QString &text);
    void setReplaying(const QString &what); // empty: back to the server

signals:
    void scrubbed(int index);
    void wentLive();
    void windowChanged();
    void recordTo(const QString &path);
    void stopRecording();
    void openRecording(const QString &path);
    void closeRecording();

private:
    void chooseFile(bool save);

    QToolButton *m_live;
    QSlider *m_slider;
    QLabel *m_moment;
    QComboBox *m_window;
    QToolButton *m_record;
    QToolButton *m_open;
    bool m_recording = false;
    bool m_replaying = false;
};

} // namespace tusk::widgets
