#include "jsontext.h"

namespace tusk::core {

void JsonText::appendString(QByteArray &out, const QString &value)
{
    const QByteArray utf8 = value.toUtf8();
    out.reserve(out.size() + utf8.size() + 2);
    out += '"';
    // Copy runs of plain bytes whole; escape the few that need it.
    const char *d = utf8.constData();
    const qsizetype n = utf8.size();
    qsizetype run = 0;
    for (qsizetype i = 0; i < n; ++i) {
        const unsigned char c = static_cast<unsigned char>(d[i]);
        if (c >= 0x20 && c != '"' && c != '\\')
            continue;
        out.append(d + run, i - run);
        run = i + 1;
        switch (c) {
        case '"':
            out += "\\\"";
            break;
        case '\\':
            out += "\\\\";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\r':
            out += "\\r";
            break;
        case '\t':
            out += "\\t";
            break;
        default: {
            static const char hex[] = "0123456789abcdef";
            const char escaped[] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 0xF]};
            out.append(escaped, 6);
        }
        }
    }
    out.append(d + run, n - run);
    out += '"';
}

QByteArray JsonText::string(const QString &value)
{
    QByteArray out;
    appendString(out, value);
    return out;
}

} // namespace tusk::core
