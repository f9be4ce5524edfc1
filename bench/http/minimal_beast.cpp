// The peer of the HTTP benchmark: the smallest Boost.Beast HTTP/1.1 server
// that does what truce's server does per request on a small endpoint (read
// the request with keep-alive, answer a short JSON body with Content-Length),
// and nothing more: no routing, no authentication, no metrics, no store.
// Usage: minimal_beast PORT THREADS
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/strand.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <cstdio>
#include <memory>
#include <string>
#include <thread>
#include <vector>

namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
namespace net = boost::asio;
using tcp = net::ip::tcp;

namespace {

class Session : public std::enable_shared_from_this<Session> {
 public:
  explicit Session(tcp::socket socket) : stream_(std::move(socket)) {}
  void start() {
    stream_.socket().set_option(tcp::no_delay(true));
    read();
  }

 private:
  void read() {
    request_ = {};
    bhttp::async_read(stream_, buffer_, request_,
                      beast::bind_front_handler(&Session::on_read, shared_from_this()));
  }
  void on_read(beast::error_code error, std::size_t) {
    if (error) {
      stream_.socket().close(error);
      return;
    }
    response_ = {};
    response_.version(11);
    response_.result(bhttp::status::ok);
    response_.set(bhttp::field::content_type, "application/json");
    response_.body() = "{\"status\":\"ok\",\"store\":\"ok\"}\n";
    response_.keep_alive(request_.keep_alive());
    response_.prepare_payload();
    bhttp::async_write(stream_, response_,
                       beast::bind_front_handler(&Session::on_write, shared_from_this()));
  }
  void on_write(beast::error_code error, std::size_t) {
    if (error || !response_.keep_alive()) {
      stream_.socket().close(error);
      return;
    }
    read();
  }

  beast::tcp_stream stream_;
  beast::flat_buffer buffer_;
  bhttp::request<bhttp::string_body> request_;
  bhttp::response<bhttp::string_body> response_;
};

void accept(tcp::acceptor& acceptor, net::io_context& io) {
  acceptor.async_accept(net::make_strand(io), [&](beast::error_code error, tcp::socket socket) {
    if (!error) {
      std::make_shared<Session>(std::move(socket))->start();
    }
    accept(acceptor, io);
  });
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3) {
    std::fprintf(stderr, "usage: minimal_beast PORT THREADS\n");
    return 2;
  }
  int threads = std::stoi(argv[2]);
  net::io_context io(threads);
  tcp::acceptor acceptor(
      io, {net::ip::make_address("127.0.0.1"), static_cast<unsigned short>(std::stoi(argv[1]))});
  accept(acceptor, io);
  std::vector<std::thread> pool;
  for (int i = 1; i < threads; ++i) {
    pool.emplace_back([&io] { io.run(); });
  }
  io.run();
  for (auto& thread : pool) {
    thread.join();
  }
}
