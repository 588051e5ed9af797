#pragma once

#include "columntyperule.h"

namespace tusk::core {

// timestamp (without time zone): the offset a client sends is dropped.
TUSK_COLUMN_TYPE_RULE(PreferTimestamptz);

} // namespace tusk::core
