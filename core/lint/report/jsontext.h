#pragma once

#include <QByteArray>
#include <QString>
#include <QStringView>

namespace tusk::core {

// JSON string literals written straight into a byte buffer: the reporters
// stream tens of thousands of findings, and building a QJsonDocument of
// them first would double the memory and the time.
class JsonText {
public:
    static void appendString(QByteArray &out, QStringView value);
    static void appendNumber(QByteArray &out, qint64 value);
    static QByteArray string(QStringView value);
};

} // namespace tusk::core
