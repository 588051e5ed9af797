#include "heaptrim.h"

// Any C library header defines __GLIBC__ (through features.h); without
// one the checks below would always be false.
#include <cstdlib>

#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace tusk::core {

void returnFreedMemory()
{
#if defined(__GLIBC__)
    malloc_trim(0);
#endif
}

void configureHeap()
{
#if defined(__GLIBC__)
    mallopt(M_MMAP_THRESHOLD, 256 * 1024);
#endif
}

} // namespace tusk::core
