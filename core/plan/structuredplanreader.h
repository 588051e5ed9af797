#pragma once

#include "planparseerror.h"
#include "psqloutput.h"

#include <QJsonObject>

namespace tusk::core {

// The three structured EXPLAIN formats, each read into the object EXPLAIN
// (FORMAT JSON) would have printed for the same plan, so one PlanBuilder
// serves them all. Errors point into the original (psql-wrapped) text.
namespace StructuredPlanReader {
QJsonObject readJson(const PsqlOutput &input, PlanParseError *error);
QJsonObject readYaml(const PsqlOutput &input, PlanParseError *error);
QJsonObject readXml(const PsqlOutput &input, PlanParseError *error);

// EXPLAIN prints an array with one object per statement; auto_explain and
// hand-made files give the object, or even the bare "Plan" node. Returns the
// object holding "Plan", or an error.
QJsonObject topObject(const QJsonValue &document, PlanParseError *error);
} // namespace StructuredPlanReader

} // namespace tusk::core
