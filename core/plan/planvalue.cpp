#include "planvalue.h"

#include <QCborMap>
#include <QCborValue>
#include <QJsonArray>

#include <cmath>

namespace tusk::core {

double planNumber(const QJsonValue &value, double fallback)
{
    if (value.isDouble())
        return value.toDouble();
    if (value.isString()) {
        bool ok = false;
        const double d = value.toString().trimmed().toDouble(&ok);
        return ok ? d : fallback;
    }
    if (value.isBool())
        return value.toBool() ? 1 : 0;
    return fallback;
}

bool planBool(const QJsonValue &value, bool fallback)
{
    if (value.isBool())
        return value.toBool();
    if (value.isString()) {
        const QString s = value.toString().trimmed();
        if (s == QLatin1String("true"))
            return true;
        if (s == QLatin1String("false"))
            return false;
    }
    if (value.isDouble())
        return value.toDouble() != 0;
    return fallback;
}

QString planString(const QJsonValue &value)
{
    if (value.isString())
        return value.toString();
    if (value.isDouble()) {
        const double d = value.toDouble();
        if (qAbs(d) < 1e15 && d == double(qint64(d)))
            return QString::number(qint64(d));
        return QString::number(d, 'g', 15);
    }
    if (value.isBool())
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    if (value.isArray()) {
        QStringList parts;
        for (const QJsonValue &v : value.toArray())
            parts << planString(v);
        return parts.join(QStringLiteral(", "));
    }
    return {};
}

int planInt(const QJsonValue &value, int fallback)
{
    const double d = planNumber(value, fallback);
    if (!std::isfinite(d) || d < -1e9 || d > 1e9)
        return fallback;
    return int(d);
}

bool planHas(const QJsonValue &value)
{
    return !value.isUndefined() && !value.isNull();
}

QByteArray planPackFields(const QJsonObject &object)
{
    return QCborMap::fromJsonObject(object).toCborValue().toCbor();
}

QJsonObject planUnpackFields(const QByteArray &packed)
{
    return QCborValue::fromCbor(packed).toMap().toJsonObject();
}

} // namespace tusk::core

#include <QLocale>

#include <cmath>

namespace tusk::core {

QString planTimeText(double ms)
{
    if (ms < 0)
        return QStringLiteral("–");
    if (ms < 1)
        return QString::number(ms, 'f', 3) + QStringLiteral(" ms");
    if (ms < 100)
        return QString::number(ms, 'f', 1) + QStringLiteral(" ms");
    if (ms < 1000)
        return QString::number(ms, 'f', 0) + QStringLiteral(" ms");
    if (ms < 60000)
        return QString::number(ms / 1000, 'f', 2) + QStringLiteral(" s");
    if (ms >= 1e12 || !std::isfinite(ms)) // beyond any real run: a broken plan
        return QString::number(ms / 1000, 'g', 4) + QStringLiteral(" s");
    const qint64 s = qint64(ms / 1000);
    return QStringLiteral("%1 min %2 s").arg(s / 60).arg(s % 60, 2, 10, QLatin1Char('0'));
}

QString planCountText(double count)
{
    static const QLocale english(QLocale::English);
    if (!std::isfinite(count) || qAbs(count) >= 1e15) // only a broken plan has such counts
        return QString::number(count, 'g', 4);
    if (count != double(qint64(count)) && count < 100)
        return english.toString(count, 'f', 1);
    return english.toString(qint64(count + 0.5));
}

QString planBlocksText(double blocks)
{
    const double bytes = blocks * 8192;
    if (bytes < 1024 * 1024)
        return QString::number(bytes / 1024, 'f', 0) + QStringLiteral(" kB");
    if (bytes < 1024.0 * 1024 * 1024)
        return QString::number(bytes / (1024 * 1024), 'f', 1) + QStringLiteral(" MB");
    return QString::number(bytes / (1024.0 * 1024 * 1024), 'f', 2) + QStringLiteral(" GB");
}

} // namespace tusk::core
