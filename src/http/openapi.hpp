// The OpenAPI 3 document of the API (docs/api/openapi.json), compiled in at
// build time so `truce serve` needs no file and no network to serve it.
#pragma once

#include <string_view>

namespace truce::http {

std::string_view openapi_document();

}  // namespace truce::http
