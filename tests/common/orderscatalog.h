#pragma once

#include "core/catalog/catalogsnapshot.h"

namespace tusk::test {

// A small hand-built catalog for the tests of what Tusk writes from one
// (StatementReverse, FrameworkRelease): public.orders (id bigserial PRIMARY
// KEY, customer_id integer NOT NULL, note text DEFAULT 'none' CHECK (note
// <> ''), status varchar(20)) with an index on status, and the enum type
// public.mood.
core::CatalogSnapshot ordersCatalog();

} // namespace tusk::test
