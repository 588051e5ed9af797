#include "treearena.h"

#include <protobuf-c/protobuf-c.h>

#include <algorithm>
#include <cstddef>
#include <cstdlib>
#include <new>

#include <sys/mman.h>

namespace tusk::core {

namespace {
constexpr size_t kAlignment = alignof(std::max_align_t);
constexpr size_t kMaxBlock = 4 * 1024 * 1024;
constexpr size_t kHugePage = 2 * 1024 * 1024;

void *arenaAlloc(void *data, size_t size)
{
    return static_cast<TreeArena *>(data)->allocate(size);
}

void arenaFree(void *, void *)
{
    // Freed with the arena.
}
} // namespace

TreeArena::TreeArena()
    : m_allocator(std::make_unique<ProtobufCAllocator>())
{
    m_allocator->alloc = &arenaAlloc;
    m_allocator->free = &arenaFree;
    m_allocator->allocator_data = this;
}

TreeArena::~TreeArena() = default;

void TreeArena::FreeBlock::operator()(char *block) const
{
    std::free(block);
}

void *TreeArena::allocate(size_t size)
{
    size = (size + kAlignment - 1) & ~(kAlignment - 1);
    if (size > m_left) {
        size_t block = std::max(size, m_blockSize);
        // Uninitialised on purpose (make_unique would zero it). A big block
        // is aligned to and advised for transparent huge pages: a 5 MB
        // migration's trees take some 150 MB, and faulting them in 4 kB
        // pages cost more than a tenth of the run.
        char *memory = nullptr;
        if (block >= kHugePage) {
            block = (block + kHugePage - 1) & ~(kHugePage - 1);
            memory = static_cast<char *>(std::aligned_alloc(kHugePage, block));
            if (memory)
                madvise(memory, block, MADV_HUGEPAGE);
        } else {
            memory = static_cast<char *>(std::malloc(block));
        }
        if (!memory)
            throw std::bad_alloc();
        m_blocks.push_back(Block(memory));
        m_next = memory;
        m_left = block;
        m_blockSize = std::min(m_blockSize * 2, kMaxBlock);
    }
    void *at = m_next;
    m_next += size;
    m_left -= size;
    return at;
}

} // namespace tusk::core
