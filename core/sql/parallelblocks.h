#pragma once

#include <QThread>

#include <algorithm>
#include <thread>
#include <vector>

namespace tusk::core {

// Runs `work(from, to, block)` over [0, count) cut into contiguous blocks,
// one per core (at most 8), the first on the calling thread. Below
// `threshold` items, or on one core, it is a single call on the calling
// thread: the editor lints small files on every pause in typing, where
// starting threads costs more than it saves. Each block touches only its
// own slots, so the work needs no locks; blocks are in order, so results
// concatenated by block keep the items' order.
class ParallelBlocks {
public:
    // Below this many statements one thread parses and lints faster than
    // several (ParsedScript and LintEngine share it).
    static constexpr qsizetype statementThreshold = 512;

    // `requested` > 0 asks for that many blocks (tests, callers that keep
    // cores for something else); 0 means one per core.
    static int blockCount(qsizetype count, qsizetype threshold, int requested = 0)
    {
        if (count < threshold)
            return 1;
        return requested > 0 ? requested : std::clamp(QThread::idealThreadCount(), 1, 8);
    }

    template<typename Work>
    static void run(qsizetype count, int blocks, Work work)
    {
        if (blocks <= 1) {
            work(qsizetype(0), count, 0);
            return;
        }
        const qsizetype size = (count + blocks - 1) / blocks;
        std::vector<std::thread> workers;
        workers.reserve(size_t(blocks - 1));
        for (int b = 1; b < blocks; ++b) {
            const qsizetype from = std::min(count, b * size);
            const qsizetype to = std::min(count, from + size);
            workers.emplace_back([&work, from, to, b] { work(from, to, b); });
        }
        work(qsizetype(0), std::min(count, size), 0);
        for (std::thread &worker : workers)
            worker.join();
    }
};

} // namespace tusk::core
