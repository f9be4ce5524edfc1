// Who may do what: every route of the router with every role, including the
// denials; tokens, logins, logouts and expiry; writes refused before their
// bodies are read; per-token rate limits.
#include "http/authorization.hpp"

#include <gtest/gtest.h>

#include "api_fixture.hpp"

namespace truce::test {
namespace {

using std::chrono::milliseconds;

const std::string kReport = R"({"sources":[{"id":"matrix-source","name":"Matrix Source",
"reliability":"C","affiliation":{"kind":"neutral"}}],"documents":[{"key":"d1","source":
"matrix-source","kind":"statement","title":"A synthetic statement","language":"en",
"text":"Synthetic text for the authorisation matrix."}],"claims":[]})";

// A concrete path for a pattern, using records the fixture stored.
std::string concrete(const std::string& pattern, RunningApi& api, int counter) {
  auto claims = api.get("/api/v1/claims?limit=1", Role::kAnalyst).json()["claims"];
  std::string path = pattern;
  auto replace = [&](const std::string& from, const std::string& to) {
    if (auto at = path.find(from); at != std::string::npos) {
      path.replace(at, from.size(), to);
    }
  };
  replace("{id:claim_id}", claims[0]["id"].get<std::string>());
  replace("{id:document_id}", claims[0]["document"].get<std::string>());
  if (path.find("/incidents/") != std::string::npos) {
    auto incidents = api.get("/api/v1/incidents?limit=1", Role::kAnalyst).json()["incidents"];
    replace("{id:incident_id}", incidents[0]["id"].get<std::string>());
  }
  // No such complaint: allowed roles get 404, which the matrix accepts.
  replace("{id:complaint_id}", "cmp_00000000000000000000");
  if (path.find("/agreements/") != std::string::npos) {
    replace("{id:slug}", "ru-tr-joint-monitoring-centre");
  }
  replace("{id:slug}", api.get("/api/v1/sources").json()["sources"][0]["id"].get<std::string>());
  replace("{name:slug}", "user-analyst");
  replace("{sha256:sha256}", std::string(64, '0'));
  static_cast<void>(counter);
  return path;
}

std::string body_for(const std::string& pattern, int counter) {
  if (pattern == "/api/v1/login") {
    return R"({"name":"nobody","password":"not-the-password"})";
  }
  if (pattern == "/api/v1/users") {
    return R"({"name":"new-user-)" + std::to_string(counter) + R"(","role":"analyst"})";
  }
  if (pattern == "/api/v1/ingest") {
    return kReport;
  }
  if (pattern == "/api/v1/complaints") {
    return R"({"event_type":"shelling","time":{"start":"2026-01-02","precision":"day"},)"
           R"("credibility":6,"text":"A synthetic complaint for the authorisation matrix."})";
  }
  if (pattern.starts_with("/api/v1/complaints/")) {
    return pattern.ends_with("/finding") ? R"({"outcome":"inconclusive","text":"matrix"})" : "";
  }
  // Well-formed bodies the service then refuses (400): the route's
  // permission is what is tested, not the decision.
  if (pattern.ends_with("/merge")) {
    return R"({"other":"inc_00000000000000000000","reason":"matrix"})";
  }
  if (pattern.ends_with("/split")) {
    return R"({"claims":["clm_00000000000000000000"],"reason":"matrix"})";
  }
  if (pattern.ends_with("/attach") || pattern.ends_with("/detach")) {
    return R"({"claim":"clm_00000000000000000000","reason":"matrix"})";
  }
  if (pattern.ends_with("/signoff")) {
    return R"({"verdict":"verified"})";
  }
  if (pattern.ends_with("/review")) {
    return R"({"agreement":"no-such-agreement"})";
  }
  // Comments, evidence and persons: bodies the service accepts (fictional name).
  if (pattern.ends_with("/comments")) {
    return R"({"text":"matrix"})";
  }
  if (pattern.ends_with("/evidence")) {
    return "matrix evidence " + std::to_string(counter);
  }
  if (pattern.ends_with("/persons")) {
    return R"({"name":"Matrix Person","status":"missing","side":"civilians"})";
  }
  return {};
}

TEST(AuthorisationMatrix, EveryRouteWithEveryRoleIsAllowedOrRefusedAsTheTableSays) {
  http::ApiOptions options;
  options.requests_per_second = 0;
  options.logins_per_second = 0;
  RunningApi api(options);
  const http::Router& router = api.api().router();
  int counter = 0;
  int checked = 0;
  for (int route = 0; route < router.size(); ++route) {
    const http::RouteSpec& spec = router.spec(route);
    for (Role role : kAllRoles) {
      ++counter;
      std::string token = role == Role::kPublic ? "" : api.token(role);
      if (spec.pattern == "/api/v1/logout" && role != Role::kPublic) {
        // Logging out revokes the token: use a fresh one.
        auto monitor = service::Monitor::open(api.db(), storage::OpenMode::kOpenExisting);
        token = *monitor->accounts().issue_token("user-" + std::string(to_string(role)), "test");
      }
      auto response = http_request(api.port(), spec.method, concrete(spec.pattern, api, counter),
                                   token, body_for(spec.pattern, counter));
      std::string what = spec.method + " " + spec.pattern + " as " + std::string(to_string(role)) +
                         ": " + std::to_string(response.status) + " " + response.body;
      bool allowed = http::allows(role, spec.permission);
      if (allowed) {
        EXPECT_NE(response.status, 403) << what;
        // The only 401 an allowed request may get is a refused login.
        if (spec.pattern != "/api/v1/login") {
          EXPECT_NE(response.status, 401) << what;
        }
        EXPECT_LT(response.status, 500) << what;
      } else if (role == Role::kPublic) {
        EXPECT_EQ(response.status, 401) << what;
        EXPECT_EQ(response.json()["code"], "unauthorized") << what;
        EXPECT_EQ(response.header("www-authenticate"), "Bearer realm=\"truce\"") << what;
      } else {
        EXPECT_EQ(response.status, 403) << what;
        EXPECT_EQ(response.json()["code"], "forbidden") << what;
      }
      ++checked;
    }
  }
  EXPECT_EQ(checked, router.size() * static_cast<int>(kAllRoles.size()));
}

TEST(AuthorisationMatrix, TheTableGivesEachRoleWhatTheIssueSays) {
  using http::allows;
  using http::Permission;
  EXPECT_TRUE(allows(Role::kOperator, Permission::kIngest));
  for (Role role : {Role::kAdmin, Role::kMonitor, Role::kLiaison, Role::kAnalyst, Role::kPublic}) {
    EXPECT_FALSE(allows(role, Permission::kIngest)) << to_string(role);
  }
  EXPECT_TRUE(allows(Role::kAnalyst, Permission::kReadRecords));
  EXPECT_FALSE(allows(Role::kLiaison, Permission::kReadRecords));
  EXPECT_FALSE(allows(Role::kPublic, Permission::kReadRecords));
  EXPECT_TRUE(allows(Role::kPublic, Permission::kPublicRead));
  for (Role role : kAllRoles) {
    for (Permission permission :
         {Permission::kCorrectIncidents, Permission::kPublish, Permission::kOpenReview}) {
      EXPECT_EQ(allows(role, permission), role == Role::kOperator) << to_string(role);
    }
    EXPECT_EQ(allows(role, Permission::kSignOff), role == Role::kMonitor) << to_string(role);
  }
  // Comments, evidence and names: never the public, liaison officers or the admin.
  for (Role role : kAllRoles) {
    const bool works_on_incidents =
        role == Role::kOperator || role == Role::kMonitor || role == Role::kAnalyst;
    for (Permission permission :
         {Permission::kReadInternal, Permission::kWriteComments, Permission::kReadNames}) {
      EXPECT_EQ(allows(role, permission), works_on_incidents) << to_string(role);
    }
    EXPECT_EQ(allows(role, Permission::kAddEvidence),
              role == Role::kOperator || role == Role::kMonitor)
        << to_string(role);
    EXPECT_EQ(allows(role, Permission::kRecordNames), role == Role::kOperator) << to_string(role);
  }
  for (Role role : kAllRoles) {
    EXPECT_EQ(allows(role, Permission::kFileComplaint), role == Role::kLiaison) << to_string(role);
    EXPECT_EQ(allows(role, Permission::kReadComplaints), role != Role::kPublic) << to_string(role);
    EXPECT_EQ(allows(role, Permission::kDecideComplaints), role == Role::kOperator)
        << to_string(role);
  }
  for (Role role : kAllRoles) {
    EXPECT_EQ(allows(role, Permission::kManageUsers), role == Role::kAdmin) << to_string(role);
    EXPECT_EQ(allows(role, Permission::kReadAudit), role == Role::kAdmin) << to_string(role);
  }
}

TEST(AuthorisationMatrix, AssessmentsAndAlertsAreReadLikeIncidentsAndCoverageLikeRecords) {
  RunningApi api;
  std::map<std::string, http::Permission> routes;
  const http::Router& router = api.api().router();
  for (int route = 0; route < router.size(); ++route) {
    routes[router.spec(route).method + " " + router.spec(route).pattern] =
        router.spec(route).permission;
  }
  using http::Permission;
  EXPECT_EQ(routes.at("GET /api/v1/incidents/{id:incident_id}/assessment"),
            Permission::kPublicRead);
  EXPECT_EQ(routes.at("GET /api/v1/assessments"), Permission::kPublicRead);
  EXPECT_EQ(routes.at("GET /api/v1/alerts"), Permission::kPublicRead);
  EXPECT_EQ(routes.at("GET /api/v1/coverage"), Permission::kReadRecords);
}

TEST(Authentication, AWriteWithoutATokenIsRefusedBeforeItsBodyIsRead) {
  RunningApi api;
  HttpConnection connection(api.port());
  // Only the head: the 401 must come without waiting for the announced body.
  connection.send_raw("POST /api/v1/ingest HTTP/1.1\r\nHost: x\r\nContent-Length: 100000\r\n\r\n");
  auto response = connection.read_response(milliseconds(3000));
  ASSERT_TRUE(response);
  EXPECT_EQ(response->status, 401);
  EXPECT_EQ(response->header("content-type"), "application/problem+json");
  EXPECT_EQ(response->header("connection"), "close");
}

TEST(Authentication, AnUnknownOrMalformedTokenIsUnauthorizedEvenOnPublicRoutes) {
  RunningApi api;
  std::string unknown = "trc_" + std::string(64, 'a');
  for (const std::string& token : {unknown, std::string("not-a-token")}) {
    auto response = http_request(api.port(), "GET", "/api/v1/sources", token);
    EXPECT_EQ(response.status, 401) << token;
  }
  auto basic = HttpConnection(api.port());
  basic.send_raw("GET /api/v1/claims HTTP/1.1\r\nHost: x\r\nAuthorization: Basic YTpi\r\n\r\n");
  auto response = basic.read_response();
  ASSERT_TRUE(response);
  EXPECT_EQ(response->status, 401);
}

TEST(Authentication, LoginGivesASessionTokenThatLogoutRevokes) {
  RunningApi api;
  {
    auto monitor = service::Monitor::open(api.db(), storage::OpenMode::kOpenExisting);
    auto added = monitor->accounts().add_user(
        {"duty-officer", Role::kOperator, std::nullopt, std::string("a long enough secret")},
        "test");
    ASSERT_TRUE(added) << added.error().message;
  }
  auto wrong = api.post("/api/v1/login", R"({"name":"duty-officer","password":"wrong password"})",
                        Role::kPublic);
  EXPECT_EQ(wrong.status, 401);
  auto login =
      api.post("/api/v1/login", R"({"name":"duty-officer","password":"a long enough secret"})",
               Role::kPublic);
  ASSERT_EQ(login.status, 200) << login.body;
  std::string token = login.json()["token"];
  EXPECT_EQ(login.json()["token_type"], "Bearer");
  auto me = http_request(api.port(), "GET", "/api/v1/me", token);
  ASSERT_EQ(me.status, 200);
  EXPECT_EQ(me.json()["name"], "duty-officer");
  EXPECT_EQ(me.json()["role"], "operator");
  EXPECT_EQ(me.json()["token_kind"], "session");
  auto logout = http_request(api.port(), "POST", "/api/v1/logout", token);
  EXPECT_EQ(logout.status, 204);
  EXPECT_EQ(http_request(api.port(), "GET", "/api/v1/me", token).status, 401);
}

TEST(Authentication, AnExpiredSessionIsRefused) {
  RunningApi api;
  {
    auto monitor = service::Monitor::open(api.db(), storage::OpenMode::kOpenExisting);
    ASSERT_TRUE(monitor->accounts().add_user(
        {"short-lived", Role::kAnalyst, std::nullopt, std::string("a long enough secret")},
        "test"));
    // A lifetime long enough that the first request falls inside it on a
    // loaded machine (one second was not: the suite runs beside builds).
    const auto lifetime = std::chrono::seconds(4);
    const auto logged_in = std::chrono::steady_clock::now();
    auto session = monitor->accounts().login("short-lived", "a long enough secret", lifetime);
    ASSERT_TRUE(session && *session);
    std::string token = (*session)->token;
    EXPECT_EQ(http_request(api.port(), "GET", "/api/v1/me", token).status, 200);
    std::this_thread::sleep_until(logged_in + lifetime + milliseconds(1100));
    EXPECT_EQ(http_request(api.port(), "GET", "/api/v1/me", token).status, 401);
  }
}

TEST(Authentication, MalformedLoginBodiesAreInvalid) {
  RunningApi api;
  struct Case {
    std::string body;
    std::string code;
  };
  for (const Case& bad :
       std::vector<Case>{{"{", "invalid_body"},
                         {"[1,2]", "invalid_body"},
                         {R"({"name":"x"})", "invalid_body"},
                         {R"({"name":1,"password":"x"})", "invalid_body"},
                         {R"({"name":"x","password":"y","otp":"1"})", "unknown_parameter"}}) {
    auto response = api.post("/api/v1/login", bad.body, Role::kPublic);
    EXPECT_EQ(response.status, 400) << bad.body;
    EXPECT_EQ(response.json()["code"], bad.code) << bad.body;
  }
}

TEST(RateLimit, ATokenOverItsRateGets429WithRetryAfter) {
  http::ApiOptions options;
  options.requests_per_second = 1;
  options.request_burst = 5;
  RunningApi api(options);
  HttpConnection connection(api.port());
  int limited = 0;
  std::string retry_after;
  for (int i = 0; i < 12; ++i) {
    auto response = connection.request("GET", "/api/v1/me", api.token(Role::kAnalyst));
    ASSERT_TRUE(response);
    if (response->status == 429) {
      ++limited;
      retry_after = response->header("retry-after");
      EXPECT_EQ(response->json()["code"], "rate_limited");
    }
  }
  EXPECT_GE(limited, 5);
  EXPECT_FALSE(retry_after.empty());
  // Another token has its own bucket.
  EXPECT_EQ(api.get("/api/v1/me", Role::kOperator).status, 200);
}

}  // namespace
}  // namespace truce::test
