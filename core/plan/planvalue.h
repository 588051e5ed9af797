#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>

namespace tusk::core {

// Reading values of the JSON-shaped node objects all plan readers produce.
// XML and some YAML values arrive as strings, so each accessor accepts both.
double planNumber(const QJsonValue &value, double fallback = 0);
// A whole number in int's range, else `fallback`.
int planInt(const QJsonValue &value, int fallback);
bool planBool(const QJsonValue &value, bool fallback = false);
QString planString(const QJsonValue &value); // lists joined with ", "
bool planHas(const QJsonValue &value); // present and not null

// A node's fields packed as CBOR (text strings stay UTF-8 in it), and back.
QByteArray planPackFields(const QJsonObject &object);
QJsonObject planUnpackFields(const QByteArray &packed);

} // namespace tusk::core

namespace tusk::core {

// "0.042 ms", "12.3 ms", "1.24 s": plan times as people read them.
QString planTimeText(double milliseconds);
// "1,234,567" rows; fractions (per-loop averages) keep one decimal.
QString planCountText(double count);
// "8.2 MB" of 8 kB blocks.
QString planBlocksText(double blocks);

} // namespace tusk::core
