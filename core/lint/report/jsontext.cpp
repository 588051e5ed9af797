#include "jsontext.h"

#include <charconv>

namespace tusk::core {

// Straight from UTF-16 into the buffer, escaping as it goes: no UTF-8
// temporary per string (a big report writes half a million of them).
void JsonText::appendString(QByteArray &out, QStringView value)
{
    const qsizetype n = value.size();
    const qsizetype at = out.size();
    // At most six bytes per UTF-16 unit ("\u001f"), plus the quotes; the
    // size is trimmed to what was written at the end.
    out.resize(at + 6 * n + 2);
    char *const begin = out.data() + at;
    char *p = begin;
    *p++ = '"';
    const char16_t *u = value.utf16();
    for (qsizetype i = 0; i < n; ++i) {
        const char16_t c = u[i];
        if (c >= 0x20 && c < 0x80 && c != '"' && c != '\\') {
            *p++ = char(c);
        } else if (c < 0x80) {
            *p++ = '\\';
            switch (c) {
            case '"':
            case '\\':
                *p++ = char(c);
                break;
            case '\n':
                *p++ = 'n';
                break;
            case '\r':
                *p++ = 'r';
                break;
            case '\t':
                *p++ = 't';
                break;
            default: {
                static const char hex[] = "0123456789abcdef";
                *p++ = 'u';
                *p++ = '0';
                *p++ = '0';
                *p++ = hex[c >> 4];
                *p++ = hex[c & 0xF];
            }
            }
        } else if (c < 0x800) {
            *p++ = char(0xC0 | (c >> 6));
            *p++ = char(0x80 | (c & 0x3F));
        } else if (QChar::isHighSurrogate(c) && i + 1 < n && QChar::isLowSurrogate(u[i + 1])) {
            const char32_t code = QChar::surrogateToUcs4(c, u[++i]);
            *p++ = char(0xF0 | (code >> 18));
            *p++ = char(0x80 | ((code >> 12) & 0x3F));
            *p++ = char(0x80 | ((code >> 6) & 0x3F));
            *p++ = char(0x80 | (code & 0x3F));
        } else {
            // A lone surrogate is not a character: U+FFFD, as toUtf8() does.
            const char32_t code = QChar::isSurrogate(c) ? 0xFFFD : c;
            *p++ = char(0xE0 | (code >> 12));
            *p++ = char(0x80 | ((code >> 6) & 0x3F));
            *p++ = char(0x80 | (code & 0x3F));
        }
    }
    *p++ = '"';
    out.truncate(at + (p - begin));
}

void JsonText::appendNumber(QByteArray &out, qint64 value)
{
    char digits[24];
    const auto written = std::to_chars(digits, digits + sizeof digits, value);
    out.append(digits, written.ptr - digits);
}

QByteArray JsonText::string(QStringView value)
{
    QByteArray out;
    appendString(out, value);
    return out;
}

} // namespace tusk::core
