#include "treearena.h"

#include <protobuf-c/protobuf-c.h>

#include <algorithm>
#include <cstddef>

namespace tusk::core {

namespace {
constexpr size_t kAlignment = alignof(std::max_align_t);
constexpr size_t kMaxBlock = 1024 * 1024;

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

void *TreeArena::allocate(size_t size)
{
    size = (size + kAlignment - 1) & ~(kAlignment - 1);
    if (size > m_left) {
        const size_t block = std::max(size, m_blockSize);
        // new char[] leaves the block uninitialised: make_unique would zero it.
        m_blocks.push_back(std::unique_ptr<char[]>(new char[block]));
        m_next = m_blocks.back().get();
        m_left = block;
        m_blockSize = std::min(m_blockSize * 2, kMaxBlock);
    }
    void *at = m_next;
    m_next += size;
    m_left -= size;
    return at;
}

} // namespace tusk::core
