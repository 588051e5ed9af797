#include "activityhistorystrings.h"

namespace tusk::core {

ActivityHistoryStrings::ActivityHistoryStrings()
{
    m_texts << QString();
    m_refs << 0;
}

quint32 ActivityHistoryStrings::intern(const QString &text)
{
    if (text.isEmpty())
        return emptyId;
    if (const auto found = m_ids.constFind(text); found != m_ids.cend())
        return *found;
    quint32 id = 0;
    if (!m_free.isEmpty()) {
        id = m_free.takeLast();
        m_texts[id] = text;
        m_refs[id] = 0;
    } else {
        id = quint32(m_texts.size());
        m_texts << text;
        m_refs << 0;
    }
    m_ids.insert(text, id);
    m_fresh << id;
    return id;
}

quint32 ActivityHistoryStrings::intern(const QString &text, quint32 hint)
{
    if (hint < quint32(m_texts.size()) && m_texts.at(hint) == text)
        return text.isEmpty() ? emptyId : hint;
    return intern(text);
}

void ActivityHistoryStrings::ref(quint32 id)
{
    if (id != emptyId)
        ++m_refs[id];
}

void ActivityHistoryStrings::unref(quint32 id)
{
    if (id == emptyId || m_refs.at(id) == 0)
        return;
    if (--m_refs[id] == 0)
        drop(id);
}

void ActivityHistoryStrings::sweep()
{
    for (quint32 id : std::as_const(m_fresh)) {
        if (m_refs.at(id) == 0 && !m_texts.at(id).isNull())
            drop(id);
    }
    m_fresh.clear();
}

void ActivityHistoryStrings::drop(quint32 id)
{
    m_ids.remove(m_texts.at(id));
    m_texts[id] = QString();
    m_free << id;
}

} // namespace tusk::core
