// A running API for tests: a fresh database file with the bundled example
// reports, one user and API token per role, and the server on an ephemeral
// loopback port in a thread of this process.
#pragma once

#include <gtest/gtest.h>

#include <map>
#include <memory>
#include <thread>

#include "core/access.hpp"
#include "http/api.hpp"
#include "http/server.hpp"
#include "http_client.hpp"
#include "service/monitor.hpp"
#include "support/run_command.hpp"

namespace truce::test {

inline const std::filesystem::path kSourceDir = TRUCE_SOURCE_DIR;

class RunningApi {
 public:
  explicit RunningApi(http::ApiOptions api_options = {}, http::ServerOptions server_options = {}) {
    db_ = (dir_ / "api.db").string();
    {
      auto monitor = service::Monitor::open(db_, storage::OpenMode::kCreate);
      if (!monitor) {
        throw std::runtime_error(monitor.error().message);
      }
      auto outcomes =
          monitor->ingest({kSourceDir / "data/examples/2021-11-16-kilisali.json",
                           kSourceDir / "data/examples/2022-09-13-armenia-azerbaijan-border.csv"},
                          {});
      for (const auto& outcome : outcomes) {
        if (outcome.error) {
          throw std::runtime_error(outcome.error->message);
        }
      }
      for (Role role : kAllRoles) {
        if (role == Role::kPublic) {
          continue;
        }
        service::NewUser user{"user-" + std::string(to_string(role)), role, std::nullopt,
                              std::nullopt};
        if (role_needs_affiliation(role)) {
          user.affiliation = "member-a";
        }
        auto added = monitor->accounts().add_user(user, "test");
        if (!added) {
          throw std::runtime_error(added.error().message);
        }
        tokens_[role] = *monitor->accounts().issue_token(user.name, "test");
      }
    }
    api_options.database = db_;
    api_options.threads = server_options.threads;
    auto api = http::Api::open(api_options);
    if (!api) {
      throw std::runtime_error(api.error().message);
    }
    api_ = std::move(api).value();
    server_options.port = 0;
    server_options.handle_signals = false;
    auto server = http::Server::listen(server_options, *api_);
    if (!server) {
      throw std::runtime_error(server.error().message);
    }
    server_ = std::move(server).value();
    thread_ = std::thread([this] { server_->run(); });
  }
  RunningApi(const RunningApi&) = delete;
  RunningApi& operator=(const RunningApi&) = delete;
  ~RunningApi() { stop(); }

  void stop() {
    if (thread_.joinable()) {
      server_->request_stop();
      thread_.join();
    }
  }

  unsigned short port() const { return server_->port(); }
  const std::string& token(Role role) { return tokens_[role]; }
  const std::string& db() const { return db_; }
  const http::Api& api() const { return *api_; }

  HttpResponse get(const std::string& target, Role role = Role::kPublic) {
    return http_request(port(), "GET", target, role == Role::kPublic ? "" : token(role));
  }
  HttpResponse post(const std::string& target, const std::string& body, Role role,
                    const std::string& content_type = "application/json") {
    return http_request(port(), "POST", target, role == Role::kPublic ? "" : token(role), body,
                        content_type);
  }

 private:
  TempDir dir_;
  std::string db_;
  std::map<Role, std::string> tokens_;
  std::unique_ptr<http::Api> api_;
  std::unique_ptr<http::Server> server_;
  std::thread thread_;
};

}  // namespace truce::test
