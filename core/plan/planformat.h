#pragma once

#include <QString>

namespace tusk::core {

// The EXPLAIN output formats Tusk reads.
enum class PlanFormat { Json, Text, Yaml, Xml };

inline QString planFormatName(PlanFormat format)
{
    switch (format) {
    case PlanFormat::Json:
        return QStringLiteral("json");
    case PlanFormat::Text:
        return QStringLiteral("text");
    case PlanFormat::Yaml:
        return QStringLiteral("yaml");
    case PlanFormat::Xml:
        return QStringLiteral("xml");
    }
    return {};
}

} // namespace tusk::core
