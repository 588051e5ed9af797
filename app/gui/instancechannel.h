#pragma once

#include <QObject>
#include <QStringList>

#include <optional>

class QLocalServer;
class QLocalSocket;

namespace tusk::app {

// One window takes what the desktop opens: a second `tusk FILE|URL…` (a
// double-clicked .sql file, a postgresql:// link) hands its files and URLs to
// the window that runs, over a per-user local socket, and exits instead of
// opening another window. Asynchronous both ways: the GUI thread never
// waits on the socket.
class InstanceChannel : public QObject {
    Q_OBJECT
public:
    struct Request {
        QStringList files; // absolute paths
        QStringList urls; // postgresql:// and postgres:// links
        bool isEmpty() const { return files.isEmpty() && urls.isEmpty(); }
    };

    explicit InstanceChannel(
        const QString &socketPath = defaultSocketPath(), QObject *parent = nullptr);
    ~InstanceChannel() override;

    // $TUSK_INSTANCE_SOCKET, else tusk.socket in the user's runtime folder
    // ($XDG_RUNTIME_DIR, or one Qt makes private to the user).
    static QString defaultSocketPath();
    // Sorts command-line arguments: links stay links, file:// URLs and
    // relative paths become absolute paths (from `workingFolder`).
    static Request requestOf(const QStringList &arguments, const QString &workingFolder);
    static QByteArray encode(const Request &request);
    static std::optional<Request> decode(const QByteArray &line);

    // The second instance: offers the request; handedOff() once the window
    // took it, noWindow() when none listens (or it did not answer in time).
    // Both come later, from the event loop, never from inside this call.
    void handOff(const Request &request);
    // The window: takes hand-offs from now on (received()). A socket left by
    // a window that crashed is replaced; one that a live window answers on
    // is left to it (listening(false)).
    void listen();
    bool isListening() const;

signals:
    void handedOff();
    void noWindow();
    void received(const tusk::app::InstanceChannel::Request &request);
    void listening(bool ok);

private:
    void serve(QLocalSocket *client);
    void startServer();

    QString m_path;
    QLocalServer *m_server = nullptr;
};

} // namespace tusk::app

Q_DECLARE_METATYPE(tusk::app::InstanceChannel::Request)
