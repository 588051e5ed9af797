#pragma once

#include "columntyperule.h"

namespace tusk::core {

// serial / bigserial / smallserial: a sequence loosely attached by a
// default, where an identity column is the standard, owned form.
TUSK_COLUMN_TYPE_RULE(PreferIdentity);

} // namespace tusk::core
