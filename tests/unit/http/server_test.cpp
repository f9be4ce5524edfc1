// The server itself over real loopback HTTP: health, metrics, the API
// document, problems, keep-alive, limits, timeouts and graceful shutdown.
#include <gtest/gtest.h>

#include <future>
#include <thread>

#include "api_fixture.hpp"

namespace truce::test {
namespace {

using std::chrono::milliseconds;

TEST(Server, HealthzSaysTheStoreAnswers) {
  RunningApi api;
  auto response = api.get("/healthz");
  EXPECT_EQ(response.status, 200);
  EXPECT_EQ(response.json()["store"], "ok");
}

TEST(Server, OpenApiDocumentIsServedWithoutAToken) {
  RunningApi api;
  auto response = api.get("/api/v1/openapi.json");
  ASSERT_EQ(response.status, 200);
  EXPECT_EQ(response.json()["openapi"], "3.1.0");
  EXPECT_TRUE(response.json()["paths"].contains("/api/v1/claims"));
}

TEST(Server, MetricsCountRequestsByRouteAndStatus) {
  RunningApi api;
  api.get("/healthz");
  api.get("/healthz");
  api.get("/nowhere");
  auto response = api.get("/metrics");
  ASSERT_EQ(response.status, 200);
  EXPECT_NE(response.header("content-type").find("text/plain"), std::string::npos);
  EXPECT_NE(response.body.find("truce_http_requests_total{route=\"/healthz\",status=\"200\"} 2"),
            std::string::npos)
      << response.body;
  EXPECT_NE(response.body.find("truce_http_requests_total{route=\"unmatched\",status=\"404\"} 1"),
            std::string::npos);
  EXPECT_NE(response.body.find("truce_http_request_duration_seconds_bucket{route=\"/healthz\""),
            std::string::npos);
  EXPECT_NE(response.body.find("truce_ingest_requests_total{outcome=\"stored\"} 0"),
            std::string::npos);
}

TEST(Server, UnknownPathIsANotFoundProblem) {
  RunningApi api;
  auto response = api.get("/api/v1/nothing-here");
  EXPECT_EQ(response.status, 404);
  EXPECT_EQ(response.header("content-type"), "application/problem+json");
  auto body = response.json();
  EXPECT_EQ(body["code"], "not_found");
  EXPECT_EQ(body["status"], 404);
  EXPECT_TRUE(body.contains("type") && body.contains("title") && body.contains("detail"));
}

TEST(Server, WrongMethodIsAMethodNotAllowedProblemWithAllow) {
  RunningApi api;
  auto response = http_request(api.port(), "DELETE", "/healthz");
  EXPECT_EQ(response.status, 405);
  EXPECT_EQ(response.json()["code"], "method_not_allowed");
  EXPECT_EQ(response.header("allow"), "GET");
}

TEST(Server, KeepAliveServesManyRequestsOnOneConnection) {
  RunningApi api;
  HttpConnection connection(api.port());
  for (int i = 0; i < 20; ++i) {
    auto response = connection.request("GET", "/healthz");
    ASSERT_TRUE(response) << "request " << i;
    EXPECT_EQ(response->status, 200);
  }
}

TEST(Server, AHugeHeadIsRefusedWith431) {
  RunningApi api;
  HttpConnection connection(api.port());
  std::string request =
      "GET /healthz HTTP/1.1\r\nHost: x\r\nX-Filler: " + std::string(64 * 1024, 'a') + "\r\n\r\n";
  connection.send_raw(request);
  auto response = connection.read_response();
  ASSERT_TRUE(response);
  EXPECT_EQ(response->status, 431);
  EXPECT_EQ(response->json()["code"], "header_too_large");
}

TEST(Server, ABodyOverTheLimitIsRefusedBeforeItIsRead) {
  http::ApiOptions options;
  options.max_ingest_bytes = 1000;
  RunningApi api(options);
  HttpConnection connection(api.port());
  // Only the head is sent: the answer must come without the body.
  connection.send_raw("POST /api/v1/ingest HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " +
                      api.token(Role::kOperator) + "\r\nContent-Length: 5000000\r\n\r\n");
  auto response = connection.read_response(milliseconds(5000));
  ASSERT_TRUE(response);
  EXPECT_EQ(response->status, 413);
  EXPECT_EQ(response->json()["code"], "payload_too_large");
}

TEST(Server, AChunkedBodyOverTheLimitIsCutAt413) {
  http::ApiOptions options;
  options.max_ingest_bytes = 1000;
  RunningApi api(options);
  HttpConnection connection(api.port());
  std::string chunk(800, 'x');
  char size[16];
  std::snprintf(size, sizeof(size), "%zx", chunk.size());
  connection.send_raw("POST /api/v1/ingest HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " +
                      api.token(Role::kOperator) + "\r\nTransfer-Encoding: chunked\r\n\r\n" + size +
                      "\r\n" + chunk + "\r\n" + size + "\r\n" + chunk + "\r\n0\r\n\r\n");
  auto response = connection.read_response(milliseconds(5000));
  ASSERT_TRUE(response);
  EXPECT_EQ(response->status, 413);
}

TEST(Server, ABodyOnARouteThatTakesNoneIsRefused) {
  RunningApi api;
  auto response =
      http_request(api.port(), "POST", "/api/v1/logout", api.token(Role::kAnalyst), "{\"x\":1}");
  EXPECT_EQ(response.status, 413);
}

TEST(Server, ASlowClientIsTimedOut) {
  http::ServerOptions options;
  options.idle_timeout = milliseconds(300);
  RunningApi api({}, options);
  HttpConnection connection(api.port());
  // Half a request head, then nothing: the server must not wait forever.
  connection.send_raw("GET /healthz HTTP/1.1\r\nHo");
  auto started = std::chrono::steady_clock::now();
  EXPECT_TRUE(connection.closed_by_peer(milliseconds(5000)));
  EXPECT_LT(std::chrono::steady_clock::now() - started, milliseconds(4000));
  // Others are still served.
  EXPECT_EQ(api.get("/healthz").status, 200);
}

TEST(Server, ABodyThatStallsIsTimedOut) {
  http::ServerOptions options;
  options.read_timeout = milliseconds(300);
  RunningApi api({}, options);
  HttpConnection connection(api.port());
  connection.send_raw("POST /api/v1/login HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n{");
  EXPECT_TRUE(connection.closed_by_peer(milliseconds(5000)));
}

TEST(Server, MalformedHttpIsABadRequestProblem) {
  RunningApi api;
  HttpConnection connection(api.port());
  connection.send_raw("THIS IS NOT HTTP\r\n\r\n");
  auto response = connection.read_response(milliseconds(5000));
  ASSERT_TRUE(response);
  EXPECT_EQ(response->status, 400);
  EXPECT_EQ(response->json()["code"], "bad_request");
}

TEST(Server, ShutdownFinishesARequestInFlightThenStops) {
  auto api = std::make_unique<RunningApi>();
  unsigned short port = api->port();
  HttpConnection busy(port);
  HttpConnection idle(api->port());
  ASSERT_TRUE(idle.request("GET", "/healthz"));
  // A login whose head is in but whose body is not: in flight when the stop comes.
  std::string body = R"({"name":"nobody","password":"wrong-password"})";
  busy.send_raw(
      "POST /api/v1/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
      "Content-Length: " +
      std::to_string(body.size()) + "\r\n\r\n");
  std::this_thread::sleep_for(milliseconds(200));
  auto stopped = std::async(std::launch::async, [&] { api->stop(); });
  // The idle keep-alive connection is closed at once.
  EXPECT_TRUE(idle.closed_by_peer(milliseconds(5000)));
  EXPECT_EQ(stopped.wait_for(milliseconds(300)), std::future_status::timeout)
      << "the server stopped with a request in flight";
  busy.send_raw(body);
  auto response = busy.read_response(milliseconds(10000));
  ASSERT_TRUE(response);
  EXPECT_EQ(response->status, 401);
  EXPECT_EQ(response->header("connection"), "close");
  EXPECT_EQ(stopped.wait_for(milliseconds(10000)), std::future_status::ready);
  // New connections are refused once stopped.
  EXPECT_THROW(HttpConnection late(port), std::runtime_error);
}

}  // namespace
}  // namespace truce::test
