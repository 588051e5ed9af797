#include "preferbigintrule.h"

namespace tusk::core {

void PreferBigintRule::checkType(const LintInput &input, const ParsedStatement &statement,
    const DeclaredType &declared, QList<Finding> &out) const
{
    const NarrowType &narrow = narrowType();
    const bool isSerial = declared.type.name == narrow.serial;
    if (declared.type.name != narrow.name && !isSerial)
        return;
    const ByteRange written =
        isSerial ? ByteRange {} : spelled(input, statement, declared, narrow.spelling);
    Finding f = finding(input, statement,
        (isSerial ? narrow.serialMessage : narrow.message).arg(columnLabel(declared)),
        typeRange(input, statement, declared, written));
    f.relation = declared.table;
    // A serial gets no fix here: prefer-identity owns that word, and two
    // fixes on one word would corrupt it. Nor in ALTER COLUMN … TYPE, where
    // the target type is the migration's decision.
    if (written.size() > 0 && declared.where != DeclaredType::Where::AlterType)
        f.fix << TextEdit {written, "bigint"};
    out << std::move(f);
}

} // namespace tusk::core
