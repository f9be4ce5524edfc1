// A deliberately plain HTTP/1.1 client over a POSIX socket, so tests can send
// what no well-behaved client would: half a request, a huge head, a body
// that never comes. Responses are read by Content-Length (the server always
// sends one).
#pragma once

#include <chrono>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

namespace truce::test {

struct HttpResponse {
  int status = 0;
  std::map<std::string, std::string> headers;  // names lower-cased
  std::string body;
  nlohmann::json json() const { return nlohmann::json::parse(body); }
  std::string header(const std::string& name) const {
    auto found = headers.find(name);
    return found == headers.end() ? std::string() : found->second;
  }
};

class HttpConnection {
 public:
  explicit HttpConnection(unsigned short port);
  HttpConnection(const HttpConnection&) = delete;
  HttpConnection& operator=(const HttpConnection&) = delete;
  ~HttpConnection();

  bool send_raw(std::string_view bytes);
  // nullopt when the connection closed or timed out before a whole response.
  std::optional<HttpResponse> read_response(
      std::chrono::milliseconds timeout = std::chrono::milliseconds(10000));
  // Whether the server closed the connection within `timeout` (reads to EOF).
  bool closed_by_peer(std::chrono::milliseconds timeout);

  // One request on this connection.
  std::optional<HttpResponse> request(const std::string& method, const std::string& target,
                                      const std::string& token = {}, const std::string& body = {},
                                      const std::string& content_type = "application/json");

 private:
  int fd_ = -1;
  std::string pending_;
};

// One request on a new connection.
HttpResponse http_request(unsigned short port, const std::string& method, const std::string& target,
                          const std::string& token = {}, const std::string& body = {},
                          const std::string& content_type = "application/json");

}  // namespace truce::test
