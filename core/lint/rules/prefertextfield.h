#pragma once

#include "columntyperule.h"

namespace tusk::core {

// varchar(n): the limit is hard to change later (shortening rewrites the
// table under ACCESS EXCLUSIVE) and buys nothing over text.
TUSK_COLUMN_TYPE_RULE(PreferTextField);

} // namespace tusk::core
