#include "jsontreereader.h"

#include "treearena.h"

#include <pg_query/pg_query.pb-c.h>

#include <cctype>
#include <cstdlib>
#include <cstring>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace tusk::core {

namespace {

// A descriptor's fields by JSON key, learnt as keys are met (one map per
// thread: the parsing threads never wait on each other).
class FieldIndex {
public:
    const ProtobufCFieldDescriptor *find(
        const ProtobufCMessageDescriptor *message, std::string_view key)
    {
        Keys &keys = m_byMessage[message];
        const auto it = keys.find(key);
        if (it != keys.end())
            return it->second;
        const ProtobufCFieldDescriptor *field = search(message, key);
        if (field) // a miss is not kept: odd input must not grow this for good
            keys.emplace(std::string(key), field);
        return field;
    }

private:
    struct Hash {
        using is_transparent = void;
        size_t operator()(std::string_view s) const { return std::hash<std::string_view>()(s); }
    };
    using Keys =
        std::unordered_map<std::string, const ProtobufCFieldDescriptor *, Hash, std::equal_to<>>;

    static bool sameName(std::string_view key, const char *field)
    {
        size_t k = 0;
        for (const char *f = field; *f; ++f) {
            if (*f == '_')
                continue;
            while (k < key.size() && key[k] == '_')
                ++k;
            if (k == key.size() || std::tolower(static_cast<unsigned char>(key[k])) != *f)
                return false;
            ++k;
        }
        while (k < key.size() && key[k] == '_')
            ++k;
        return k == key.size();
    }

    static const ProtobufCFieldDescriptor *search(
        const ProtobufCMessageDescriptor *message, std::string_view key)
    {
        for (unsigned i = 0; i < message->n_fields; ++i) {
            if (sameName(key, message->fields[i].name))
                return &message->fields[i];
        }
        return nullptr;
    }

    std::unordered_map<const ProtobufCMessageDescriptor *, Keys> m_byMessage;
};

class Reader {
public:
    Reader(const char *begin, const char *end, TreeArena &arena)
        : m_at(begin)
        , m_end(end)
        , m_arena(arena)
    {
    }

    void *message(const ProtobufCMessageDescriptor *descriptor)
    {
        // libpg_query bounds a tree's depth; this bounds the reader's stack
        // whatever the text says (the caller then takes the protobuf path).
        if (++m_depth > kMaxDepth)
            return fail();
        struct Leave {
            int &depth;
            ~Leave() { --depth; }
        } leave {m_depth};
        auto *out = static_cast<ProtobufCMessage *>(m_arena.allocate(descriptor->sizeof_message));
        descriptor->message_init(out);
        if (!expect('{'))
            return nullptr;
        if (peek() == '}') {
            ++m_at;
            return out;
        }
        for (;;) {
            std::string_view key;
            if (!string(&key) || !expect(':'))
                return nullptr;
            const ProtobufCFieldDescriptor *field = m_fields.find(descriptor, key);
            if (!field ? !skipValue() : !fieldValue(out, *field))
                return nullptr;
            const char c = next();
            if (c == '}')
                return out;
            if (c != ',')
                return fail();
        }
    }

    bool atEnd()
    {
        skipSpace();
        return m_at == m_end;
    }

private:
    void *fail()
    {
        m_failed = true;
        return nullptr;
    }

    void skipSpace()
    {
        while (m_at < m_end && (*m_at == ' ' || *m_at == '\n' || *m_at == '\t' || *m_at == '\r'))
            ++m_at;
    }
    char peek()
    {
        skipSpace();
        return m_at < m_end ? *m_at : '\0';
    }
    char next()
    {
        skipSpace();
        return m_at < m_end ? *m_at++ : '\0';
    }
    bool expect(char c)
    {
        if (next() == c)
            return true;
        m_failed = true;
        return false;
    }

    // A string without escapes is returned in place; one with escapes is
    // decoded into m_decoded.
    bool string(std::string_view *out)
    {
        if (!expect('"'))
            return false;
        const char *start = m_at;
        while (m_at < m_end && *m_at != '"' && *m_at != '\\')
            ++m_at;
        if (m_at < m_end && *m_at == '"') {
            *out = std::string_view(start, size_t(m_at - start));
            ++m_at;
            return true;
        }
        m_decoded.assign(start, size_t(m_at - start));
        while (m_at < m_end && *m_at != '"') {
            if (*m_at != '\\') {
                m_decoded += *m_at++;
                continue;
            }
            if (++m_at == m_end)
                return false;
            const char e = *m_at++;
            switch (e) {
            case 'n':
                m_decoded += '\n';
                break;
            case 't':
                m_decoded += '\t';
                break;
            case 'r':
                m_decoded += '\r';
                break;
            case 'b':
                m_decoded += '\b';
                break;
            case 'f':
                m_decoded += '\f';
                break;
            case 'u':
                if (!unicodeEscape())
                    return false;
                break;
            default:
                m_decoded += e; // \" \\ \/
            }
        }
        if (m_at == m_end)
            return false;
        ++m_at;
        *out = m_decoded;
        return true;
    }

    bool hex4(unsigned *out)
    {
        if (m_end - m_at < 4)
            return false;
        unsigned v = 0;
        for (int i = 0; i < 4; ++i) {
            const char c = *m_at++;
            v <<= 4;
            if (c >= '0' && c <= '9')
                v |= unsigned(c - '0');
            else if (c >= 'a' && c <= 'f')
                v |= unsigned(c - 'a' + 10);
            else if (c >= 'A' && c <= 'F')
                v |= unsigned(c - 'A' + 10);
            else
                return false;
        }
        *out = v;
        return true;
    }

    bool unicodeEscape()
    {
        unsigned code = 0;
        if (!hex4(&code))
            return false;
        if (code >= 0xD800 && code < 0xE000) {
            // A pair makes one character; a lone half is U+FFFD, and the
            // escape after it is read on its own.
            unsigned low = 0;
            const char *after = m_at;
            if (code < 0xDC00 && m_end - m_at >= 6 && m_at[0] == '\\' && m_at[1] == 'u') {
                m_at += 2;
                if (hex4(&low) && low >= 0xDC00 && low < 0xE000) {
                    code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00);
                } else {
                    m_at = after;
                    code = 0xFFFD;
                }
            } else {
                code = 0xFFFD;
            }
        }
        if (code < 0x80) {
            m_decoded += char(code);
        } else if (code < 0x800) {
            m_decoded += char(0xC0 | (code >> 6));
            m_decoded += char(0x80 | (code & 0x3F));
        } else if (code < 0x10000) {
            m_decoded += char(0xE0 | (code >> 12));
            m_decoded += char(0x80 | ((code >> 6) & 0x3F));
            m_decoded += char(0x80 | (code & 0x3F));
        } else {
            m_decoded += char(0xF0 | (code >> 18));
            m_decoded += char(0x80 | ((code >> 12) & 0x3F));
            m_decoded += char(0x80 | ((code >> 6) & 0x3F));
            m_decoded += char(0x80 | (code & 0x3F));
        }
        return true;
    }

    char *arenaString(std::string_view text)
    {
        auto *copy = static_cast<char *>(m_arena.allocate(text.size() + 1));
        std::memcpy(copy, text.data(), text.size());
        copy[text.size()] = '\0';
        return copy;
    }

    // A number's text, as it stands.
    bool number(std::string_view *out)
    {
        skipSpace();
        const char *start = m_at;
        while (m_at < m_end
            && ((*m_at >= '0' && *m_at <= '9') || *m_at == '-' || *m_at == '+' || *m_at == '.'
                || *m_at == 'e' || *m_at == 'E'))
            ++m_at;
        *out = std::string_view(start, size_t(m_at - start));
        return !out->empty();
    }

    bool literal(const char *word)
    {
        skipSpace();
        const size_t n = std::strlen(word);
        if (size_t(m_end - m_at) < n || std::memcmp(m_at, word, n) != 0)
            return false;
        m_at += n;
        return true;
    }

    // One scalar or message into `slot` (the field, or an array element).
    bool scalar(const ProtobufCFieldDescriptor &field, void *slot)
    {
        switch (field.type) {
        case PROTOBUF_C_TYPE_MESSAGE: {
            void *m = message(static_cast<const ProtobufCMessageDescriptor *>(field.descriptor));
            *static_cast<void **>(slot) = m;
            return m != nullptr;
        }
        case PROTOBUF_C_TYPE_STRING: {
            std::string_view text;
            if (!string(&text))
                return false;
            *static_cast<char **>(slot) = arenaString(text);
            return true;
        }
        case PROTOBUF_C_TYPE_ENUM: {
            const auto *e = static_cast<const ProtobufCEnumDescriptor *>(field.descriptor);
            if (peek() == '"') {
                std::string_view name;
                if (!string(&name))
                    return false;
                const std::string copy(name);
                const ProtobufCEnumValue *v =
                    protobuf_c_enum_descriptor_get_value_by_name(e, copy.c_str());
                if (!v)
                    return false;
                *static_cast<int *>(slot) = v->value;
                return true;
            }
            std::string_view digits;
            if (!number(&digits))
                return false;
            *static_cast<int *>(slot) = std::atoi(std::string(digits).c_str());
            return true;
        }
        case PROTOBUF_C_TYPE_BOOL:
            if (literal("true"))
                *static_cast<protobuf_c_boolean *>(slot) = 1;
            else if (literal("false"))
                *static_cast<protobuf_c_boolean *>(slot) = 0;
            else
                return false;
            return true;
        case PROTOBUF_C_TYPE_BYTES:
            return false; // pg_query's tree has none
        default:
            break;
        }
        std::string_view digits;
        if (!number(&digits))
            return false;
        char buffer[64];
        if (digits.size() >= sizeof buffer)
            return false;
        std::memcpy(buffer, digits.data(), digits.size());
        buffer[digits.size()] = '\0';
        switch (field.type) {
        case PROTOBUF_C_TYPE_INT32:
        case PROTOBUF_C_TYPE_SINT32:
        case PROTOBUF_C_TYPE_SFIXED32:
            *static_cast<int32_t *>(slot) = int32_t(std::strtol(buffer, nullptr, 10));
            return true;
        case PROTOBUF_C_TYPE_UINT32:
        case PROTOBUF_C_TYPE_FIXED32:
            *static_cast<uint32_t *>(slot) = uint32_t(std::strtoul(buffer, nullptr, 10));
            return true;
        case PROTOBUF_C_TYPE_INT64:
        case PROTOBUF_C_TYPE_SINT64:
        case PROTOBUF_C_TYPE_SFIXED64:
            *static_cast<int64_t *>(slot) = std::strtoll(buffer, nullptr, 10);
            return true;
        case PROTOBUF_C_TYPE_UINT64:
        case PROTOBUF_C_TYPE_FIXED64:
            *static_cast<uint64_t *>(slot) = std::strtoull(buffer, nullptr, 10);
            return true;
        case PROTOBUF_C_TYPE_FLOAT:
            *static_cast<float *>(slot) = std::strtof(buffer, nullptr);
            return true;
        case PROTOBUF_C_TYPE_DOUBLE:
            *static_cast<double *>(slot) = std::strtod(buffer, nullptr);
            return true;
        default:
            return false;
        }
    }

    static size_t slotSize(const ProtobufCFieldDescriptor &field)
    {
        switch (field.type) {
        case PROTOBUF_C_TYPE_INT64:
        case PROTOBUF_C_TYPE_SINT64:
        case PROTOBUF_C_TYPE_SFIXED64:
        case PROTOBUF_C_TYPE_UINT64:
        case PROTOBUF_C_TYPE_FIXED64:
        case PROTOBUF_C_TYPE_DOUBLE:
            return 8;
        case PROTOBUF_C_TYPE_MESSAGE:
        case PROTOBUF_C_TYPE_STRING:
            return sizeof(void *);
        case PROTOBUF_C_TYPE_BYTES:
            return sizeof(ProtobufCBinaryData);
        default:
            return 4;
        }
    }

    bool fieldValue(ProtobufCMessage *message, const ProtobufCFieldDescriptor &field)
    {
        char *base = reinterpret_cast<char *>(message);
        if (field.label != PROTOBUF_C_LABEL_REPEATED) {
            if (peek() == 'n' && literal("null"))
                return true;
            if (field.flags & PROTOBUF_C_FIELD_FLAG_ONEOF)
                *reinterpret_cast<uint32_t *>(base + field.quantifier_offset) = field.id;
            else if (field.label == PROTOBUF_C_LABEL_OPTIONAL && field.quantifier_offset)
                *reinterpret_cast<protobuf_c_boolean *>(base + field.quantifier_offset) = 1;
            return scalar(field, base + field.offset);
        }
        // Repeated: the elements go to a scratch buffer first (the count is
        // known only at ']'), then into one arena array.
        if (!expect('['))
            return false;
        const size_t size = slotSize(field);
        const size_t mark = m_scratch.size();
        if (peek() == ']') {
            ++m_at;
        } else {
            for (;;) {
                m_scratch.resize(m_scratch.size() + size);
                alignas(8) char element[16] = {};
                if (!scalar(field, element))
                    return false;
                std::memcpy(m_scratch.data() + m_scratch.size() - size, element, size);
                const char c = next();
                if (c == ']')
                    break;
                if (c != ',')
                    return false;
            }
        }
        const size_t bytes = m_scratch.size() - mark;
        *reinterpret_cast<size_t *>(base + field.quantifier_offset) = bytes / size;
        void *array = nullptr;
        if (bytes > 0) {
            array = m_arena.allocate(bytes);
            std::memcpy(array, m_scratch.data() + mark, bytes);
        }
        m_scratch.resize(mark);
        *reinterpret_cast<void **>(base + field.offset) = array;
        return true;
    }

    bool skipValue()
    {
        if (m_depth + 1 > kMaxDepth)
            return false;
        ++m_depth;
        struct Leave {
            int &depth;
            ~Leave() { --depth; }
        } leave {m_depth};
        const char c = peek();
        if (c == '"') {
            std::string_view ignored;
            return string(&ignored);
        }
        if (c == '{' || c == '[') {
            const char close = c == '{' ? '}' : ']';
            ++m_at;
            if (peek() == close) {
                ++m_at;
                return true;
            }
            for (;;) {
                if (c == '{') {
                    std::string_view key;
                    if (!string(&key) || !expect(':'))
                        return false;
                }
                if (!skipValue())
                    return false;
                const char n = next();
                if (n == close)
                    return true;
                if (n != ',')
                    return false;
            }
        }
        if (literal("true") || literal("false") || literal("null"))
            return true;
        std::string_view digits;
        return number(&digits);
    }

    const char *m_at;
    const char *m_end;
    TreeArena &m_arena;
    bool m_failed = false;
    int m_depth = 0;
    static constexpr int kMaxDepth = 2000;
    std::string m_decoded;
    std::vector<char> m_scratch;
    static thread_local FieldIndex m_fields;
};

thread_local FieldIndex Reader::m_fields;

} // namespace

bool JsonTreeReader::mayHoldNegativeInteger(const char *json, const QByteArray &sql)
{
    if (std::strstr(json, "\"Integer\":{}"))
        return true;
    static const char constant[] = "\"ival\":{},\"location\":";
    for (const char *at = std::strstr(json, constant); at; at = std::strstr(at + 1, constant)) {
        const long location = std::strtol(at + sizeof constant - 1, nullptr, 10);
        if (location < 0 || location >= sql.size() || sql.at(location) == '-')
            return true;
    }
    return false;
}

PgQuery__ParseResult *JsonTreeReader::read(
    const char *json, qsizetype size, TreeArena &arena, QString *error)
{
    Reader reader(json, json + size, arena);
    auto *result =
        static_cast<PgQuery__ParseResult *>(reader.message(&pg_query__parse_result__descriptor));
    if (!result || !reader.atEnd()) {
        if (error)
            *error = QStringLiteral("the parse tree could not be read");
        return nullptr;
    }
    return result;
}

} // namespace tusk::core
