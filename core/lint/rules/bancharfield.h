#pragma once

#include "columntyperule.h"

namespace tusk::core {

// char(n) / character(n): blank-padded, slower and larger than text, and
// its padding surprises comparisons.
TUSK_COLUMN_TYPE_RULE(BanCharField);

} // namespace tusk::core
