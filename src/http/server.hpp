// The HTTP/1.1 server (Boost.Beast, the only file that includes it): accepts
// connections, reads requests with limits and timeouts, and hands them to a
// Handler in two steps, so the handler can refuse a request from its headers
// before its body is read (authentication, size). Keep-alive; a response to a
// refused request closes the connection after draining what the client sent.
//
// Threads: `threads` threads run every connection; Exchange::worker says which
// one runs a request, so a handler can keep one store per thread. A
// connection's steps run one at a time.
//
// Shutdown: request_stop() (or SIGTERM/SIGINT when handle_signals) stops
// accepting, closes idle connections, lets requests in flight finish and
// answer (with Connection: close), then run() returns; after `drain_timeout`
// whatever is left is cut.
#pragma once

#include <chrono>
#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

#include "core/result.hpp"
#include "http/exchange.hpp"

namespace truce::http {

class Handler {
 public:
  virtual ~Handler() = default;
  // Called when the head is read. A response refuses the request (its body is
  // never read); nullopt admits it, with exchange.body_limit set.
  virtual std::optional<Response> admit(Exchange& exchange) = 0;
  // Called with the whole body.
  virtual Response handle(Exchange& exchange) = 0;
  // A response for what the server itself refuses (431, 413 while reading a
  // chunked body, 400 for malformed HTTP).
  virtual Response refusal(int status, std::string_view code, std::string_view detail) = 0;
  // When a response is about to be written; for metrics and logs.
  virtual void completed(const Exchange& exchange, int status) = 0;
};

struct ServerOptions {
  std::string host = "127.0.0.1";
  unsigned short port = 8080;  // 0: any free port (see Server::port)
  int threads = 4;
  std::size_t max_header_bytes = std::size_t{16} * 1024;
  std::chrono::milliseconds idle_timeout{30'000};  // waiting for (the head of) a request
  std::chrono::milliseconds read_timeout{30'000};  // reading a body once the head is in
  std::chrono::milliseconds write_timeout{30'000};
  std::chrono::milliseconds drain_timeout{30'000};
  bool handle_signals = true;
};

class Server final {
 public:
  // Binds and listens; kUnavailable naming the address when it cannot.
  static Result<std::unique_ptr<Server>> listen(const ServerOptions& options, Handler& handler);

  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;
  Server(Server&&) = delete;
  Server& operator=(Server&&) = delete;
  ~Server();

  unsigned short port() const;
  // Serves until stopped; returns when every connection has ended.
  void run();
  // From any thread or a signal handler's continuation.
  void request_stop();

  struct Impl;

 private:
  explicit Server(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace truce::http
