#pragma once

#include "columntyperule.h"

#include <QRegularExpression>

namespace tusk::core {

// The base of the rules about integer types narrower than bigint
// (prefer-bigint-over-int, prefer-bigint-over-smallint): they differ only in
// the type they look for and how their findings speak of it.
class PreferBigintRule : public ColumnTypeRule {
protected:
    // One narrow integer type and its serial.
    struct NarrowType {
        QLatin1String name; // the parser's name: "int4"
        QLatin1String serial; // its serial's: "serial4"
        QRegularExpression spelling; // how the type may be written, for the fix
        QString message; // "%1 is integer: use bigint"; %1 is the column
        QString serialMessage; // the same for the serial
    };
    virtual const NarrowType &narrowType() const = 0;

    void checkType(const LintInput &input, const ParsedStatement &statement,
        const DeclaredType &declared, QList<Finding> &out) const override;
};

} // namespace tusk::core
