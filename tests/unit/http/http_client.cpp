#include "http_client.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cctype>
#include <stdexcept>

namespace truce::test {

HttpConnection::HttpConnection(unsigned short port) {
  fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(port);
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (::connect(fd_, reinterpret_cast<sockaddr*>(&address), sizeof(address)) != 0) {
    throw std::runtime_error("cannot connect to port " + std::to_string(port));
  }
  int one = 1;
  ::setsockopt(fd_, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one));
}

HttpConnection::~HttpConnection() {
  if (fd_ >= 0) {
    ::close(fd_);
  }
}

bool HttpConnection::send_raw(std::string_view bytes) {
  while (!bytes.empty()) {
    ssize_t sent = ::send(fd_, bytes.data(), bytes.size(), MSG_NOSIGNAL);
    if (sent <= 0) {
      return false;
    }
    bytes.remove_prefix(static_cast<std::size_t>(sent));
  }
  return true;
}

namespace {

// Reads more bytes into `buffer`; false on EOF, error or timeout.
bool read_more(int fd, std::string& buffer, std::chrono::steady_clock::time_point deadline) {
  auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
      deadline - std::chrono::steady_clock::now());
  if (left.count() <= 0) {
    return false;
  }
  pollfd waiting{fd, POLLIN, 0};
  if (::poll(&waiting, 1, static_cast<int>(left.count())) <= 0) {
    return false;
  }
  char chunk[65536];
  ssize_t got = ::recv(fd, chunk, sizeof(chunk), 0);
  if (got <= 0) {
    return false;
  }
  buffer.append(chunk, static_cast<std::size_t>(got));
  return true;
}

}  // namespace

std::optional<HttpResponse> HttpConnection::read_response(std::chrono::milliseconds timeout) {
  auto deadline = std::chrono::steady_clock::now() + timeout;
  while (true) {
    auto end = pending_.find("\r\n\r\n");
    if (end != std::string::npos) {
      HttpResponse response;
      std::string head = pending_.substr(0, end);
      auto line_end = head.find("\r\n");
      std::string status_line = head.substr(0, line_end);
      response.status = std::stoi(status_line.substr(9, 3));
      std::size_t at = line_end == std::string::npos ? head.size() : line_end + 2;
      while (at < head.size()) {
        auto next = head.find("\r\n", at);
        std::string line =
            head.substr(at, next == std::string::npos ? std::string::npos : next - at);
        auto colon = line.find(':');
        std::string name = line.substr(0, colon);
        for (char& c : name) {
          c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        }
        std::string value = line.substr(colon + 1);
        while (!value.empty() && value.front() == ' ') {
          value.erase(0, 1);
        }
        response.headers[name] = value;
        at = next == std::string::npos ? head.size() : next + 2;
      }
      if (response.status == 100) {
        pending_.erase(0, end + 4);
        continue;
      }
      std::size_t length = 0;
      if (auto found = response.headers.find("content-length"); found != response.headers.end()) {
        length = std::stoul(found->second);
      }
      while (pending_.size() < end + 4 + length) {
        if (!read_more(fd_, pending_, deadline)) {
          return std::nullopt;
        }
      }
      response.body = pending_.substr(end + 4, length);
      pending_.erase(0, end + 4 + length);
      return response;
    }
    if (!read_more(fd_, pending_, deadline)) {
      return std::nullopt;
    }
  }
}

bool HttpConnection::closed_by_peer(std::chrono::milliseconds timeout) {
  auto deadline = std::chrono::steady_clock::now() + timeout;
  while (std::chrono::steady_clock::now() < deadline) {
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
        deadline - std::chrono::steady_clock::now());
    pollfd waiting{fd_, POLLIN, 0};
    if (::poll(&waiting, 1, static_cast<int>(std::max<long>(1, left.count()))) <= 0) {
      return false;
    }
    char chunk[4096];
    ssize_t got = ::recv(fd_, chunk, sizeof(chunk), 0);
    if (got <= 0) {
      return true;
    }
  }
  return false;
}

std::optional<HttpResponse> HttpConnection::request(const std::string& method,
                                                    const std::string& target,
                                                    const std::string& token,
                                                    const std::string& body,
                                                    const std::string& content_type) {
  std::string text = method + " " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n";
  if (!token.empty()) {
    text += "Authorization: Bearer " + token + "\r\n";
  }
  if (!body.empty() || method == "POST") {
    text += "Content-Type: " + content_type + "\r\nContent-Length: " + std::to_string(body.size()) +
            "\r\n";
  }
  text += "\r\n" + body;
  if (!send_raw(text)) {
    return std::nullopt;
  }
  return read_response();
}

HttpResponse http_request(unsigned short port, const std::string& method, const std::string& target,
                          const std::string& token, const std::string& body,
                          const std::string& content_type) {
  HttpConnection connection(port);
  auto response = connection.request(method, target, token, body, content_type);
  if (!response) {
    throw std::runtime_error("no response to " + method + " " + target);
  }
  return *response;
}

}  // namespace truce::test
