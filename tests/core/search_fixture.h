// The search fixture database: tests/data/search compiled once per test run through
// build_content(), exactly as `kioskctl build` would.
#pragma once

#include <string>

namespace kiosk::test {

// Path of the built fixture database; builds it on first use (a failure fails the calling test).
const std::string& search_fixture_db();

}  // namespace kiosk::test
