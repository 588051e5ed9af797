#include "instancechannel.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocalServer>
#include <QLocalSocket>
#include <QStandardPaths>
#include <QTimer>
#include <QUrl>

namespace tusk::app {

namespace {
// A window busy for longer than this is treated as none: the second
// instance opens its own rather than leave the user with nothing.
constexpr int answerTimeoutMs = 3000;
const QByteArray acknowledgement = "ok\n";

QJsonArray arrayOf(const QStringList &list)
{
    return QJsonArray::fromStringList(list);
}

QStringList listOf(const QJsonValue &value)
{
    QStringList out;
    for (const QJsonValue &v : value.toArray())
        if (v.isString())
            out << v.toString();
    return out;
}
} // namespace

InstanceChannel::InstanceChannel(const QString &socketPath, QObject *parent)
    : QObject(parent)
    , m_path(socketPath)
{
}

InstanceChannel::~InstanceChannel() = default;

QString InstanceChannel::defaultSocketPath()
{
    const QString given = qEnvironmentVariable("TUSK_INSTANCE_SOCKET");
    if (!given.isEmpty())
        return given;
    // The user's runtime folder: Qt makes it 0700 and checks its owner when
    // XDG_RUNTIME_DIR is unset, so no other user can sit on the socket (a
    // predictable name in /tmp could be bound by anyone first).
    return QStandardPaths::writableLocation(QStandardPaths::RuntimeLocation)
        + QStringLiteral("/tusk.socket");
}

InstanceChannel::Request InstanceChannel::requestOf(
    const QStringList &arguments, const QString &workingFolder)
{
    Request request;
    const QDir here(workingFolder);
    for (const QString &argument : arguments) {
        if (argument.startsWith(QLatin1String("postgresql://"))
            || argument.startsWith(QLatin1String("postgres://"))) {
            request.urls << argument;
            continue;
        }
        const QUrl url(argument);
        const QString path = url.isLocalFile() ? url.toLocalFile() : argument;
        request.files << QDir::cleanPath(here.absoluteFilePath(path));
    }
    return request;
}

QByteArray InstanceChannel::encode(const Request &request)
{
    const QJsonObject object {
        {QStringLiteral("files"), arrayOf(request.files)},
        {QStringLiteral("urls"), arrayOf(request.urls)},
    };
    return QJsonDocument(object).toJson(QJsonDocument::Compact) + '\n';
}

std::optional<InstanceChannel::Request> InstanceChannel::decode(const QByteArray &line)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(line.trimmed(), &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        return std::nullopt;
    const QJsonObject object = document.object();
    return Request {
        listOf(object.value(QLatin1String("files"))), listOf(object.value(QLatin1String("urls")))};
}

void InstanceChannel::handOff(const Request &request)
{
    auto *socket = new QLocalSocket(this);
    auto *timer = new QTimer(socket);
    timer->setSingleShot(true);
    auto finished = std::make_shared<bool>(false);
    const auto finish = [this, socket, finished](bool handed) {
        if (*finished)
            return;
        *finished = true;
        socket->abort();
        socket->deleteLater();
        if (handed)
            emit handedOff();
        else
            emit noWindow();
    };
    connect(timer, &QTimer::timeout, this, [finish] { finish(false); });
    connect(socket, &QLocalSocket::errorOccurred, this, [finish] { finish(false); });
    connect(socket, &QLocalSocket::connected, this,
        [socket, request] { socket->write(encode(request)); });
    connect(socket, &QLocalSocket::readyRead, this, [socket, finish] {
        if (socket->canReadLine())
            finish(socket->readLine() == acknowledgement);
    });
    timer->start(answerTimeoutMs);
    // Queued: Qt reports a missing socket inside connectToServer(), and an
    // answer given before the caller's event loop runs would be lost.
    QMetaObject::invokeMethod(
        socket, [this, socket] { socket->connectToServer(m_path); }, Qt::QueuedConnection);
}

void InstanceChannel::listen()
{
    if (m_server)
        return;
    // Is a window answering there? Probe without waiting.
    auto *probe = new QLocalSocket(this);
    connect(probe, &QLocalSocket::connected, this, [this, probe] {
        probe->abort();
        probe->deleteLater();
        emit listening(false);
    });
    connect(probe, &QLocalSocket::errorOccurred, this, [this, probe] {
        probe->deleteLater();
        startServer();
    });
    QMetaObject::invokeMethod(
        probe, [this, probe] { probe->connectToServer(m_path); }, Qt::QueuedConnection);
}

void InstanceChannel::startServer()
{
    // Nobody answers: a socket file left behind is stale.
    QLocalServer::removeServer(m_path);
    m_server = new QLocalServer(this);
    m_server->setSocketOptions(QLocalServer::UserAccessOption);
    if (!m_server->listen(m_path)) {
        qWarning("tusk: cannot take files from other instances at %s: %s", qPrintable(m_path),
            qPrintable(m_server->errorString()));
        delete m_server;
        m_server = nullptr;
        emit listening(false);
        return;
    }
    connect(m_server, &QLocalServer::newConnection, this, [this] {
        while (QLocalSocket *client = m_server->nextPendingConnection())
            serve(client);
    });
    emit listening(true);
}

bool InstanceChannel::isListening() const
{
    return m_server && m_server->isListening();
}

void InstanceChannel::serve(QLocalSocket *client)
{
    connect(client, &QLocalSocket::disconnected, client, &QObject::deleteLater);
    connect(client, &QLocalSocket::readyRead, this, [this, client] {
        if (!client->canReadLine()) {
            // A peer that sends a line longer than this is not Tusk.
            if (client->bytesAvailable() > 1 << 20)
                client->abort();
            return;
        }
        const std::optional<Request> request = decode(client->readLine());
        if (!request) {
            client->abort();
            return;
        }
        client->write(acknowledgement);
        client->disconnectFromServer();
        emit received(*request);
    });
}

} // namespace tusk::app
