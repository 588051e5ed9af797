#pragma once

#include "columntyperule.h"

namespace tusk::core {

// json: no equality operator, so SELECT DISTINCT, UNION and GROUP BY over
// the row fail once the column exists; jsonb has one.
TUSK_COLUMN_TYPE_RULE(PreferJsonb);

} // namespace tusk::core
