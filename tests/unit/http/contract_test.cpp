// The router and the OpenAPI document describe the same API: every route is
// in the document with its method and every documented operation is routed.
// (tests/e2e/http_contract_test.py validates responses against the schemas.)
#include <gtest/gtest.h>

#include <regex>
#include <set>

#include "api_fixture.hpp"
#include "http/openapi.hpp"

namespace truce::test {
namespace {

std::string documented_path(const std::string& pattern) {
  // "{id:claim_id}" in the router is "{id}" in OpenAPI.
  return std::regex_replace(pattern, std::regex(R"(\{([a-z0-9_]+):[a-z0-9_]+\})"), "{$1}");
}

TEST(Contract, EveryRouteIsDocumentedAndEveryDocumentedOperationIsRouted) {
  RunningApi api;
  auto document = nlohmann::json::parse(http::openapi_document());
  std::set<std::string> routed;
  const http::Router& router = api.api().router();
  for (int i = 0; i < router.size(); ++i) {
    const auto& spec = router.spec(i);
    std::string method = spec.method;
    std::transform(method.begin(), method.end(), method.begin(), ::tolower);
    routed.insert(method + " " + documented_path(spec.pattern));
    const auto& operation = document["paths"][documented_path(spec.pattern)][method];
    ASSERT_TRUE(operation.is_object()) << method << " " << spec.pattern;
    EXPECT_EQ(operation["x-permission"], http::to_string(spec.permission)) << spec.pattern;
    std::set<std::string> documented_query;
    for (const auto& parameter : operation.value("parameters", nlohmann::json::array())) {
      if (parameter["in"] == "query") {
        documented_query.insert(parameter["name"]);
      }
    }
    EXPECT_EQ(documented_query, std::set<std::string>(spec.query.begin(), spec.query.end()))
        << spec.pattern;
  }
  std::set<std::string> documented;
  for (const auto& [path, operations] : document["paths"].items()) {
    for (const auto& [method, operation] : operations.items()) {
      documented.insert(method + " " + path);
    }
  }
  EXPECT_EQ(routed, documented);
}

TEST(Contract, TheServedDocumentIsTheOneInTheRepository) {
  RunningApi api;
  auto served = api.get("/api/v1/openapi.json").json();
  auto kept = nlohmann::json::parse(read_file(kSourceDir / "docs/api/openapi.json"));
  EXPECT_EQ(served, kept);
}

TEST(Contract, TheDocumentsVersionIsTheProjectsVersion) {
  RunningApi api;
  auto served = api.get("/api/v1/openapi.json").json();
  EXPECT_EQ(served["info"]["version"], TRUCE_VERSION);
}

}  // namespace
}  // namespace truce::test
