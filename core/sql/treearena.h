#pragma once

#include <memory>
#include <vector>

struct ProtobufCAllocator;

namespace tusk::core {

// A bump allocator for unpacked parse trees: protobuf-c otherwise mallocs
// every node on its own, and a 5 MB migration has millions of them. The
// arena hands out memory from large blocks and frees them all at once, so
// unpacking is faster, the trees take less memory, and dropping a script
// costs a few free() calls. Not thread-safe: one per parsing thread.
class TreeArena {
public:
    TreeArena();
    ~TreeArena();
    TreeArena(const TreeArena &) = delete;
    TreeArena &operator=(const TreeArena &) = delete;

    ProtobufCAllocator *allocator() { return m_allocator.get(); }
    void *allocate(size_t size);

private:
    struct FreeBlock {
        void operator()(char *block) const;
    };
    using Block = std::unique_ptr<char, FreeBlock>;

    std::unique_ptr<ProtobufCAllocator> m_allocator;
    std::vector<Block> m_blocks;
    char *m_next = nullptr;
    size_t m_left = 0;
    size_t m_blockSize = 16 * 1024; // grows to 4 MB: small scripts stay small
};

} // namespace tusk::core
