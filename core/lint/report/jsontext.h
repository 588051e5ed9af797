#pragma once

#include <QByteArray>
#include <QString>

namespace tusk::core {

// JSON string literals written straight into a byte buffer: the reporters
// stream tens of thousands of findings, and building a QJsonDocument of
// them first would double the memory and the time.
class JsonText {
public:
    static void appendString(QByteArray &out, const QString &value);
    static QByteArray string(const QString &value);
};

} // namespace tusk::core
