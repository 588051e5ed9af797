#pragma once

#include <QExplicitlySharedDataPointer>
#include <QSharedData>
#include <QString>

namespace tusk::core {

// Text that most objects of a kind lack (comments, collations, storage
// options, partition bounds): 8 bytes when absent, where a QString takes
// 24 even when null. A catalog of 100,000 columns carries two per column.
// Reads as a const QString &; null and empty stay apart, as in QString.
class OptionalText {
public:
    OptionalText() = default;
    OptionalText(const QString &text) // NOLINT: implicit, assigned from QString
        : d(text.isNull() ? nullptr : new Data(text))
    {
    }

    const QString &text() const { return d ? d->text : none(); }
    operator const QString &() const { return text(); } // NOLINT: reads as QString
    bool isNull() const { return !d; }
    bool isEmpty() const { return !d || d->text.isEmpty(); }

    friend bool operator==(const OptionalText &a, const OptionalText &b)
    {
        return a.text() == b.text();
    }
    friend bool operator==(const OptionalText &a, const QString &b) { return a.text() == b; }
    friend bool operator==(const QString &a, const OptionalText &b) { return a == b.text(); }

private:
    struct Data : QSharedData {
        explicit Data(const QString &t)
            : text(t)
        {
        }
        QString text;
    };
    static const QString &none()
    {
        static const QString null;
        return null;
    }
    QExplicitlySharedDataPointer<const Data> d;
};

} // namespace tusk::core
