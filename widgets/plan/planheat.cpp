#include "planheat.h"

#include <algorithm>
#include <cmath>

namespace tusk::widgets {

namespace {
QColor mix(const QColor &a, const QColor &b, double t)
{
    t = std::clamp(t, 0.0, 1.0);
    return QColor::fromRgbF(float(a.redF() + (b.redF() - a.redF()) * t),
        float(a.greenF() + (b.greenF() - a.greenF()) * t),
        float(a.blueF() + (b.blueF() - a.blueF()) * t));
}
} // namespace

QColor PlanHeat::forShare(double percent)
{
    // Square root: a 10 % node is already clearly warm, 50 % is hot.
    const double t = std::sqrt(std::clamp(percent, 0.0, 100.0) / 100.0);
    static const QColor cool(0xf4, 0xf6, 0xf8);
    static const QColor warm(0xff, 0xc1, 0x4d);
    static const QColor hot(0xd9, 0x30, 0x25);
    return t < 0.5 ? mix(cool, warm, t * 2) : mix(warm, hot, (t - 0.5) * 2);
}

QColor PlanHeat::textOn(const QColor &background)
{
    return background.lightnessF() < 0.55 ? QColor(Qt::white) : QColor(0x20, 0x21, 0x24);
}

QColor PlanHeat::misestimate(double factor)
{
    if (factor >= 100)
        return QColor(0xd9, 0x30, 0x25);
    if (factor >= 10)
        return QColor(0xe3, 0x74, 0x00);
    return QColor(0x5f, 0x63, 0x68);
}

} // namespace tusk::widgets
