#pragma once

namespace tusk::core {

// Hands the heap's free pages back to the system. glibc keeps what a
// program freed for its next allocations; after a big catalog snapshot
// replaces the one before, that is tens of megabytes the process no longer
// needs. A few milliseconds; does nothing where the C library has no such
// call.
void returnFreedMemory();

// Called once at start: blocks of 256 KiB and more (a catalog result, a
// column list) get pages of their own and go back to the system when
// freed. glibc otherwise raises that threshold to the largest block freed
// so far, after which such blocks land in the heap and leave holes there.
void configureHeap();

} // namespace tusk::core
