// core/support/heaptrim against the C library: the heap's free pages go
// back to the system, and big blocks get pages of their own. Both went
// silently missing once (the glibc test was compiled out), so each is
// measured, not assumed.

#include "core/support/heaptrim.h"

#include <QFile>
#include <QTest>

#include <cstdlib>
#include <cstring>
#include <vector>

#if defined(__GLIBC__)
#include <malloc.h>
#endif

class TestHeapTrim : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void freedPagesGoBack();
    void bigBlocksGetPagesOfTheirOwn();
};

namespace {
qint64 residentKiB()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').first().toLongLong();
    }
    return -1;
}
} // namespace

void TestHeapTrim::initTestCase()
{
#if !defined(__GLIBC__)
    QSKIP("the heap is tuned for glibc only");
#endif
    QVERIFY(residentKiB() > 0);
    tusk::core::configureHeap();
}

void TestHeapTrim::freedPagesGoBack()
{
    // 64 MiB in 1 KiB blocks, each written (resident); one block kept at
    // the end so the heap's top cannot shrink on its own: only a trim can
    // hand the pages in the middle back.
    std::vector<char *> blocks;
    for (int i = 0; i < 64 * 1024; ++i) {
        blocks.push_back(static_cast<char *>(std::malloc(1000)));
        std::memset(blocks.back(), 1, 1000);
    }
    char *last = static_cast<char *>(std::malloc(1000));
    std::memset(last, 1, 1000);
    for (char *b : blocks)
        std::free(b);
    const qint64 beforeTrim = residentKiB();
    tusk::core::returnFreedMemory();
    const qint64 afterTrim = residentKiB();
    std::free(last);
    QVERIFY2(beforeTrim - afterTrim > 40 * 1024,
        qPrintable(QStringLiteral("%1 KiB before, %2 KiB after").arg(beforeTrim).arg(afterTrim)));
}

void TestHeapTrim::bigBlocksGetPagesOfTheirOwn()
{
#if defined(__GLIBC__)
    // glibc's own threshold starts at 128 KiB and climbs to the largest
    // block freed; configureHeap() fixes it at 256 KiB.
    // Written through a volatile pointer: the compiler may not drop them.
    static char *volatile escape = nullptr;
    escape = static_cast<char *>(std::malloc(8 * 1024 * 1024));
    escape[0] = 1;
    std::free(escape);
    const size_t mappedBefore = mallinfo2().hblks;
    escape = static_cast<char *>(std::malloc(300 * 1024));
    escape[0] = 1;
    const size_t mappedWith = mallinfo2().hblks;
    std::free(escape);
    QCOMPARE(mappedWith, mappedBefore + 1);
#endif
}

QTEST_GUILESS_MAIN(TestHeapTrim)
#include "tst_heaptrim.moc"
