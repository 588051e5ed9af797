#pragma once

#include "core/lint/columntype.h"
#include "core/lint/rule.h"

class QRegularExpression;
struct PgQuery__ColumnDef;
struct PgQuery__TypeName;

namespace tusk::core {

// A column type a statement declares.
struct DeclaredType {
    enum class Where { CreateTable, AddColumn, AlterType };
    Where where = Where::CreateTable;
    QString table; // as written
    QString column;
    const PgQuery__ColumnDef *definition = nullptr; // the column's (or ALTER … TYPE's) ColumnDef
    const PgQuery__TypeName *typeName = nullptr;
    ColumnType type;
    // The last name of the type as the parser wrote it: "int4", "bpchar",
    // and "char" only for the quoted one-byte "char" type.
    QString parserName;
    bool schemaQualified = false; // pg_catalog.x, from a keyword or written so
};

// The base of the rules about column types (prefer-text-field,
// prefer-timestamptz …): they read every type that CREATE TABLE, ADD COLUMN
// and ALTER COLUMN … TYPE declare, new tables included.
class ColumnTypeRule : public Rule {
public:
    QList<int> nodeKinds() const override;
    void checkStatement(const LintInput &input, const ParsedStatement &statement,
        QList<Finding> &out) const override;

protected:
    virtual void checkType(const LintInput &input, const ParsedStatement &statement,
        const DeclaredType &declared, QList<Finding> &out) const = 0;

    // Where the type's spelling starts matching `spelling` (anchored at the
    // type's location, case-insensitive): the matched bytes, or an empty
    // range when the type is spelled otherwise (schema-qualified, a comment
    // inside …), in which case a rule offers no fix.
    static ByteRange spelled(const LintInput &input, const ParsedStatement &statement,
        const DeclaredType &declared, const QRegularExpression &spelling);
    // The type's range for a finding: `spelledRange` when known, else its first word.
    static ByteRange typeRange(const LintInput &input, const ParsedStatement &statement,
        const DeclaredType &declared, ByteRange spelledRange);
    // "orders.email" for messages.
    static QString columnLabel(const DeclaredType &declared);
    // `text CHECK (char_length(col) <= n)` for a CREATE TABLE column, so a
    // length limit survives the change to text; empty when not mechanical.
    static QByteArray textWithLimit(
        const LintInput &input, const ParsedStatement &statement, const DeclaredType &declared);
};

// Declares a rule of this family: the five differ only in their info and
// in the one type they check, so their declarations are written once.
#define TUSK_COLUMN_TYPE_RULE(Name)                                                                \
    class Name : public ColumnTypeRule {                                                           \
    public:                                                                                        \
        const RuleInfo &info() const override;                                                     \
                                                                                                   \
    protected:                                                                                     \
        void checkType(const LintInput &input, const ParsedStatement &statement,                   \
            const DeclaredType &declared, QList<Finding> &out) const override;                     \
    }

} // namespace tusk::core
