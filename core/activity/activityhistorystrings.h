#pragma once

#include <QHash>
#include <QList>
#include <QString>

namespace tusk::core {

// The texts of an ActivityHistory, each kept once and named by a small id
// that the history's records hold instead of a QString (4 bytes or less
// against 24, and a query repeated every second costs nothing). Ids are
// counted by the records that hold them; a text no record holds any more
// is dropped and its id reused. Id 0 is the empty text, always there.
// Part of ActivityHistory: one thread, the history's.
class ActivityHistoryStrings {
public:
    static constexpr quint32 emptyId = 0;

    ActivityHistoryStrings();

    // The id of `text`, added with no reference if it is new.
    quint32 intern(const QString &text);
    // The same, but first tries `hint` (the id the same field had in the
    // previous sample), which spares hashing a long query text that did
    // not change.
    quint32 intern(const QString &text, quint32 hint);
    // The text of an id; implicitly shared, so every sample rebuilt from
    // the history shares it too.
    const QString &at(quint32 id) const { return m_texts.at(id); }
    void ref(quint32 id);
    void unref(quint32 id);
    // Drops the texts interned since the last sweep that no record took.
    void sweep();
    // Texts held (the empty one not counted).
    int count() const { return int(m_ids.size()); }

private:
    void drop(quint32 id);

    QList<QString> m_texts;
    QList<quint32> m_refs;
    QHash<QString, quint32> m_ids;
    QList<quint32> m_free;
    QList<quint32> m_fresh;
};

} // namespace tusk::core
