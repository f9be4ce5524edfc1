#include "http/server.hpp"

#include <atomic>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <limits>
#include <mutex>
#include <thread>
#include <unordered_map>
#include <vector>

namespace truce::http {
namespace {

namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
namespace net = boost::asio;
using tcp = net::ip::tcp;
using boost::system::error_code;

thread_local int current_worker = 0;

// After refusing a request whose body was not read, the client may still be
// sending it; closing at once would make the kernel answer with a reset that
// can destroy our response before the client reads it. Read and discard for
// a while first ("lingering close").
constexpr std::chrono::milliseconds kLingerTime{2000};
constexpr std::size_t kLingerBytes = 1U << 20U;

}  // namespace

class Session;

struct Server::Impl {
  Impl(const ServerOptions& options_in, Handler& handler_in)
      : options(options_in),
        handler(handler_in),
        io(options_in.threads),
        acceptor(net::make_strand(io)),
        signals(io),
        drain_deadline(net::make_strand(io)) {}

  void accept();
  void begin_shutdown();
  void session_started(const std::shared_ptr<Session>& session);
  void session_ended(Session* session);

  ServerOptions options;
  Handler& handler;
  net::io_context io;
  tcp::acceptor acceptor;
  net::signal_set signals;
  net::steady_timer drain_deadline;
  std::atomic<bool> draining{false};
  std::mutex sessions_mutex;
  std::unordered_map<Session*, std::weak_ptr<Session>> sessions;
};

class Session final : public std::enable_shared_from_this<Session> {
 public:
  Session(tcp::socket socket, Server::Impl& server) : stream_(std::move(socket)), server_(server) {}
  Session(const Session&) = delete;
  Session& operator=(const Session&) = delete;
  Session(Session&&) = delete;
  Session& operator=(Session&&) = delete;
  ~Session() { server_.session_ended(this); }

  void start() {
    error_code ignored;
    auto endpoint = stream_.socket().remote_endpoint(ignored);
    remote_ = ignored ? std::string() : endpoint.address().to_string();
    stream_.socket().set_option(tcp::no_delay(true), ignored);
    net::dispatch(stream_.get_executor(),
                  beast::bind_front_handler(&Session::read_head, shared_from_this()));
  }

  // On the session's strand: an idle connection is closed now, a busy one
  // after its response.
  void shutdown() {
    net::post(stream_.get_executor(), [self = shared_from_this()] {
      if (self->idle_) {
        error_code ignored;
        self->stream_.socket().shutdown(tcp::socket::shutdown_both, ignored);
        self->stream_.socket().close(ignored);
      }
    });
  }

 private:
  void read_head() {
    if (server_.draining) {
      close();
      return;
    }
    parser_.emplace();
    parser_->header_limit(static_cast<std::uint32_t>(server_.options.max_header_bytes));
    // No limit while the head is parsed: Beast would refuse an announced
    // length there, before the handler could answer it (with a 401, say).
    // Not boost::none: Beast 1.74 compares the length with the optional,
    // and every length is greater than an empty optional.
    parser_->body_limit(std::numeric_limits<std::uint64_t>::max());
    idle_ = true;
    stream_.expires_after(server_.options.idle_timeout);
    bhttp::async_read_header(stream_, buffer_, *parser_,
                             beast::bind_front_handler(&Session::on_head, shared_from_this()));
  }

  void on_head(error_code error, std::size_t /*bytes*/) {
    idle_ = false;
    exchange_ = Exchange{};
    exchange_.started = std::chrono::steady_clock::now();
    exchange_.worker = current_worker;
    if (error && server_.draining) {
      close();  // closed while idle by shutdown()
      return;
    }
    if (error == bhttp::error::end_of_stream || error == net::error::operation_aborted ||
        error == beast::error::timeout || error == net::error::eof ||
        error == net::error::connection_reset) {
      close();
      return;
    }
    if (error == bhttp::error::header_limit) {
      refuse(431, "header_too_large",
             "the request head is larger than " + std::to_string(server_.options.max_header_bytes) +
                 " bytes");
      return;
    }
    if (error) {
      refuse(400, "bad_request", "the request is not valid HTTP/1.1 (" + error.message() + ")");
      return;
    }
    const auto& request = parser_->get();
    RequestHead& head = exchange_.head;
    head.method = std::string(request.method_string());
    head.target = std::string(request.target());
    head.authorization = std::string(request[bhttp::field::authorization]);
    head.content_type = std::string(request[bhttp::field::content_type]);
    if (auto length = parser_->content_length()) {
      head.content_length = *length;
    }
    head.has_body = parser_->chunked() || (head.content_length && *head.content_length > 0);
    head.remote_address = remote_;
    keep_alive_ = request.keep_alive();
    if (auto refused = server_.handler.admit(exchange_)) {
      // The connection can carry on only if no unread body stands in the way.
      keep_alive_ = keep_alive_ && !head.has_body;
      linger_ = head.has_body;
      respond(std::move(*refused));
      return;
    }
    if (parser_->is_done()) {
      // No body follows the head (most GETs): answer now instead of through
      // a read that would complete at once via the executor's queue.
      on_body({}, 0);
      return;
    }
    parser_->body_limit(exchange_.body_limit);
    stream_.expires_after(server_.options.read_timeout);
    if (beast::iequals(request[bhttp::field::expect], "100-continue")) {
      static constexpr std::string_view kContinue = "HTTP/1.1 100 Continue\r\n\r\n";
      net::async_write(stream_, net::buffer(kContinue.data(), kContinue.size()),
                       [self = shared_from_this()](error_code write_error, std::size_t) {
                         if (write_error) {
                           self->close();
                           return;
                         }
                         self->read_body();
                       });
      return;
    }
    read_body();
  }

  void read_body() {
    bhttp::async_read(stream_, buffer_, *parser_,
                      beast::bind_front_handler(&Session::on_body, shared_from_this()));
  }

  void on_body(error_code error, std::size_t /*bytes*/) {
    exchange_.worker = current_worker;
    if (error == bhttp::error::body_limit) {
      linger_ = true;
      refuse(413, "payload_too_large",
             "the request body is larger than " + std::to_string(exchange_.body_limit) + " bytes");
      return;
    }
    if (error) {
      close();
      return;
    }
    exchange_.body = std::move(parser_->get().body());
    Response response;
    try {
      response = server_.handler.handle(exchange_);
    } catch (const std::exception& failure) {
      response = server_.handler.refusal(500, "internal", "an internal error occurred");
    }
    respond(std::move(response));
  }

  void refuse(int status, std::string_view code, const std::string& detail) {
    keep_alive_ = false;
    respond(server_.handler.refusal(status, code, detail));
  }

  void respond(Response response) {
    bool keep = keep_alive_ && !server_.draining;
    response_ = {};
    response_.version(11);
    response_.result(static_cast<unsigned>(response.status));
    response_.set(bhttp::field::server, "truce");
    response_.set(bhttp::field::content_type, response.content_type);
    for (auto& [name, value] : response.headers) {
      response_.set(name, value);
    }
    response_.body() = std::move(response.body);
    response_.keep_alive(keep);
    response_.prepare_payload();
    // Counted before the write, so a client that has read the response finds
    // it in /metrics.
    server_.handler.completed(exchange_, response.status);
    stream_.expires_after(server_.options.write_timeout);
    bhttp::async_write(stream_, response_,
                       beast::bind_front_handler(&Session::on_write, shared_from_this(), keep));
  }

  void on_write(bool keep, error_code error, std::size_t /*bytes*/) {
    if (error || !keep) {
      close();
      return;
    }
    read_head();
  }

  void close() {
    error_code ignored;
    stream_.socket().shutdown(tcp::socket::shutdown_send, ignored);
    if (!linger_) {
      stream_.socket().close(ignored);
      return;
    }
    linger_ = false;
    stream_.expires_after(kLingerTime);
    discard();
  }

  void discard() {
    stream_.async_read_some(net::buffer(scratch_),
                            [self = shared_from_this()](error_code error, std::size_t bytes) {
                              self->discarded_ += bytes;
                              if (error || self->discarded_ > kLingerBytes) {
                                error_code ignored;
                                self->stream_.socket().close(ignored);
                                return;
                              }
                              self->discard();
                            });
  }

  beast::tcp_stream stream_;
  Server::Impl& server_;
  beast::flat_buffer buffer_;
  std::optional<bhttp::request_parser<bhttp::string_body>> parser_;
  bhttp::response<bhttp::string_body> response_;
  Exchange exchange_;
  std::string remote_;
  std::array<char, 16384> scratch_{};
  std::size_t discarded_ = 0;
  bool keep_alive_ = false;
  bool linger_ = false;
  std::atomic<bool> idle_{false};
};

void Server::Impl::accept() {
  acceptor.async_accept(net::make_strand(io), [this](error_code error, tcp::socket socket) {
    if (error == net::error::operation_aborted || !acceptor.is_open()) {
      return;
    }
    if (!error && !draining) {
      auto session = std::make_shared<Session>(std::move(socket), *this);
      session_started(session);
      session->start();
    }
    accept();
  });
}

void Server::Impl::session_started(const std::shared_ptr<Session>& session) {
  std::lock_guard lock(sessions_mutex);
  sessions.emplace(session.get(), session);
}

void Server::Impl::session_ended(Session* session) {
  std::lock_guard lock(sessions_mutex);
  sessions.erase(session);
  if (draining && sessions.empty()) {
    net::post(drain_deadline.get_executor(), [this] { drain_deadline.cancel(); });
  }
}

void Server::Impl::begin_shutdown() {
  if (draining.exchange(true)) {
    return;
  }
  error_code ignored;
  signals.cancel(ignored);
  net::post(acceptor.get_executor(), [this] {
    error_code closed;
    acceptor.close(closed);
  });
  // Armed before the sessions are told, on its own strand, so the last
  // session's cancel always finds it armed.
  net::dispatch(drain_deadline.get_executor(), [this] {
    drain_deadline.expires_after(options.drain_timeout);
    drain_deadline.async_wait([this](error_code error) {
      if (!error) {
        io.stop();  // the deadline passed with requests still open: cut them
      }
    });
    std::vector<std::shared_ptr<Session>> open;
    {
      std::lock_guard lock(sessions_mutex);
      for (auto& [pointer, weak] : sessions) {
        if (auto session = weak.lock()) {
          open.push_back(std::move(session));
        }
      }
      if (open.empty() && sessions.empty()) {
        drain_deadline.cancel();
      }
    }
    for (auto& session : open) {
      session->shutdown();
    }
  });
}

Server::Server(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Server::~Server() = default;

Result<std::unique_ptr<Server>> Server::listen(const ServerOptions& options, Handler& handler) {
  auto impl = std::make_unique<Impl>(options, handler);
  error_code error;
  auto address = net::ip::make_address(options.host, error);
  if (error) {
    return make_error(ErrorCode::kInvalidInput,
                      "--listen: '" + options.host + "' is not an IP address", "http.server");
  }
  tcp::endpoint endpoint(address, options.port);
  std::string where = options.host + ":" + std::to_string(options.port);
  impl->acceptor.open(endpoint.protocol(), error);
  if (!error) {
    impl->acceptor.set_option(net::socket_base::reuse_address(true), error);
  }
  if (!error) {
    impl->acceptor.bind(endpoint, error);
  }
  if (!error) {
    impl->acceptor.listen(net::socket_base::max_listen_connections, error);
  }
  if (error) {
    return make_error(ErrorCode::kUnavailable, "cannot listen on " + where + ": " + error.message(),
                      "http.server");
  }
  return std::unique_ptr<Server>(new Server(std::move(impl)));
}

unsigned short Server::port() const {
  error_code ignored;
  return impl_->acceptor.local_endpoint(ignored).port();
}

void Server::run() {
  Impl& impl = *impl_;
  if (impl.options.handle_signals) {
    impl.signals.add(SIGINT);
    impl.signals.add(SIGTERM);
    impl.signals.async_wait([&impl](error_code error, int /*signal*/) {
      if (!error) {
        impl.begin_shutdown();
      }
    });
  }
  impl.accept();
  std::vector<std::thread> threads;
  int count = std::max(1, impl.options.threads);
  threads.reserve(static_cast<std::size_t>(count - 1));
  for (int i = 1; i < count; ++i) {
    threads.emplace_back([&impl, i] {
      current_worker = i;
      impl.io.run();
    });
  }
  current_worker = 0;
  impl.io.run();
  for (auto& thread : threads) {
    thread.join();
  }
}

void Server::request_stop() {
  net::post(impl_->io, [impl = impl_.get()] { impl->begin_shutdown(); });
}

}  // namespace truce::http
