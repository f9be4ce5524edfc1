// Errors as the API answers them: application/problem+json (RFC 9457) with a
// stable machine-readable `code` beside type, title, status and detail. The
// codes are listed, with their statuses, in docs/api.md; clients may rely on
// them, so a code is never renamed.
#pragma once

#include <string>
#include <string_view>

#include "core/result.hpp"
#include "http/exchange.hpp"

namespace truce::http {

// `parameter` names the query parameter or body member at fault, if one is.
Response problem(int status, std::string_view code, std::string_view detail,
                 std::string_view parameter = {});

// The one table from the core's ErrorCode to a status and a code.
Response problem_for(const Error& error);

}  // namespace truce::http
