#include "lockmode.h"

namespace tusk::core {

namespace {
// The conflict table of the documentation, as bit sets over LockMode.
constexpr unsigned bit(LockMode mode)
{
    return 1u << unsigned(mode);
}

unsigned conflictSet(LockMode mode)
{
    using M = LockMode;
    switch (mode) {
    case M::AccessShare:
        return bit(M::AccessExclusive);
    case M::RowShare:
        return bit(M::Exclusive) | bit(M::AccessExclusive);
    case M::RowExclusive:
        return bit(M::Share) | bit(M::ShareRowExclusive) | bit(M::Exclusive)
            | bit(M::AccessExclusive);
    case M::ShareUpdateExclusive:
        return bit(M::ShareUpdateExclusive) | bit(M::Share) | bit(M::ShareRowExclusive)
            | bit(M::Exclusive) | bit(M::AccessExclusive);
    case M::Share:
        return bit(M::RowExclusive) | bit(M::ShareUpdateExclusive) | bit(M::ShareRowExclusive)
            | bit(M::Exclusive) | bit(M::AccessExclusive);
    case M::ShareRowExclusive:
        return bit(M::RowExclusive) | bit(M::ShareUpdateExclusive) | bit(M::Share)
            | bit(M::ShareRowExclusive) | bit(M::Exclusive) | bit(M::AccessExclusive);
    case M::Exclusive:
        return bit(M::RowShare) | bit(M::RowExclusive) | bit(M::ShareUpdateExclusive)
            | bit(M::Share) | bit(M::ShareRowExclusive) | bit(M::Exclusive)
            | bit(M::AccessExclusive);
    case M::AccessExclusive:
        return 0xFFu;
    }
    return 0;
}
} // namespace

QString LockModes::name(LockMode mode)
{
    switch (mode) {
    case LockMode::AccessShare:
        return QStringLiteral("ACCESS SHARE");
    case LockMode::RowShare:
        return QStringLiteral("ROW SHARE");
    case LockMode::RowExclusive:
        return QStringLiteral("ROW EXCLUSIVE");
    case LockMode::ShareUpdateExclusive:
        return QStringLiteral("SHARE UPDATE EXCLUSIVE");
    case LockMode::Share:
        return QStringLiteral("SHARE");
    case LockMode::ShareRowExclusive:
        return QStringLiteral("SHARE ROW EXCLUSIVE");
    case LockMode::Exclusive:
        return QStringLiteral("EXCLUSIVE");
    case LockMode::AccessExclusive:
        return QStringLiteral("ACCESS EXCLUSIVE");
    }
    return {};
}

bool LockModes::conflicts(LockMode a, LockMode b)
{
    return (conflictSet(a) & bit(b)) != 0;
}

LockImpact LockModes::impact(LockMode mode)
{
    return {conflicts(mode, LockMode::AccessShare), conflicts(mode, LockMode::RowExclusive),
        conflicts(mode, LockMode::ShareUpdateExclusive)};
}

QString LockModes::describeImpact(LockMode mode)
{
    const LockImpact i = impact(mode);
    if (i.blocksReads)
        return QStringLiteral("blocks reads and writes");
    if (i.blocksWrites)
        return i.blocksDdl ? QStringLiteral("blocks writes and other schema changes; reads go on")
                           : QStringLiteral("blocks writes; reads go on");
    if (i.blocksDdl)
        return QStringLiteral("blocks other schema changes; reads and writes go on");
    if (conflicts(mode, LockMode::Share))
        return QStringLiteral("blocks CREATE INDEX and ALTER TABLE; reads and writes go on");
    return QStringLiteral("blocks only ACCESS EXCLUSIVE (ALTER TABLE, DROP, VACUUM FULL); reads "
                          "and writes go on");
}

} // namespace tusk::core
