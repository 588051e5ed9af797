#include "console.h"

#include <QCommandLineParser>
#include <QFile>
#include <QRegularExpression>

#include <cstdio>

namespace tusk::app {

namespace {
// Written through stdio, so raw bytes and text keep their order. Never
// freed: the streams flush into them as the process ends.
QIODevice *standardDevice(FILE *handle)
{
    static QFile *const files[2] = {new QFile, new QFile};
    QFile *file = files[handle == stdout ? 0 : 1];
    if (!file->isOpen())
        file->open(handle, QIODevice::WriteOnly);
    return file;
}
} // namespace

QTextStream &Console::out()
{
    static QTextStream stream(standardDevice(stdout));
    return stream;
}

QTextStream &Console::err()
{
    static QTextStream stream(standardDevice(stderr));
    return stream;
}

void Console::writeOut(const QByteArray &bytes)
{
    out().flush();
    QIODevice *device = out().device();
    device->write(bytes);
    if (auto *file = qobject_cast<QFile *>(device))
        file->flush();
}

Console::Capture::Capture()
    : m_previousOut(Console::out().device())
    , m_previousErr(Console::err().device())
{
    m_out.open(QIODevice::WriteOnly);
    m_err.open(QIODevice::WriteOnly);
    Console::out().flush();
    Console::err().flush();
    Console::out().setDevice(&m_out);
    Console::err().setDevice(&m_err);
}

Console::Capture::~Capture()
{
    Console::out().flush();
    Console::err().flush();
    Console::out().setDevice(m_previousOut);
    Console::err().setDevice(m_previousErr);
}

QByteArray Console::Capture::out()
{
    Console::out().flush();
    return m_out.data();
}

QByteArray Console::Capture::err()
{
    Console::err().flush();
    return m_err.data();
}

std::optional<int> Console::parse(
    QCommandLineParser &parser, const QString &command, const QStringList &arguments)
{
    const QString name = QStringLiteral("tusk ") + command;
    QStringList argv = arguments;
    argv.prepend(name);
    if (!parser.parse(argv)) {
        err() << name << ": " << parser.errorText() << Qt::endl;
        return 2;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        QString help = parser.helpText();
        help.replace(
            QRegularExpression(QStringLiteral("^Usage: \\S+")), QStringLiteral("Usage: ") + name);
        out() << help;
        out().flush();
        return 0;
    }
    return std::nullopt;
}

} // namespace tusk::app
