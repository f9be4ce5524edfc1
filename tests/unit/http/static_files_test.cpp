// Static files: what is served, and every way out of the directory refused.
#include "http/static_files.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "api_fixture.hpp"
#include "http_client.hpp"
#include "support/run_command.hpp"

namespace truce::http {
namespace {

void write_site_file(const std::filesystem::path& path, const std::string& text) {
  std::filesystem::create_directories(path.parent_path());
  std::ofstream(path, std::ios::binary) << text;
}

class StaticFilesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    site_ = dir_.path() / "site";
    write_site_file(site_ / "index.html", "<h1>truce</h1>");
    write_site_file(site_ / "app.js", "console.log(1)");
    write_site_file(site_ / "img/logo.svg", "<svg/>");
    write_site_file(site_ / "docs/index.html", "docs");
    write_site_file(site_ / "with space.txt", "spaced");
    write_site_file(dir_.path() / "secret.txt", "outside");
    std::filesystem::create_directory_symlink(dir_.path(), site_ / "up");
    std::filesystem::create_symlink(dir_.path() / "secret.txt", site_ / "leak.txt");
    std::filesystem::create_symlink(site_ / "app.js", site_ / "alias.js");
    auto files = StaticFiles::open(site_);
    ASSERT_TRUE(files) << files.error().message;
    files_.emplace(std::move(files).value());
  }

  test::TempDir dir_;
  std::filesystem::path site_;
  std::optional<StaticFiles> files_;
};

TEST_F(StaticFilesTest, ServesFilesWithTheirTypeAndIndexForADirectoryPath) {
  auto index = files_->read("/");
  ASSERT_TRUE(index) << index.error().message;
  EXPECT_EQ(index->body, "<h1>truce</h1>");
  EXPECT_EQ(index->content_type, "text/html; charset=utf-8");
  EXPECT_FALSE(index->etag.empty());

  auto script = files_->read("/app.js?v=3");
  ASSERT_TRUE(script);
  EXPECT_EQ(script->content_type, "text/javascript; charset=utf-8");
  EXPECT_EQ(files_->read("/img/logo.svg")->content_type, "image/svg+xml");
  EXPECT_EQ(files_->read("/docs/")->body, "docs");
  EXPECT_EQ(files_->read("/with%20space.txt")->body, "spaced");
  EXPECT_EQ(files_->read("/alias.js")->body, "console.log(1)");  // a link inside is fine
}

TEST_F(StaticFilesTest, PathsThatTryToLeaveTheDirectoryAreRefused) {
  for (const char* path :
       {"/../secret.txt", "/img/../../secret.txt", "/%2e%2e/secret.txt",
        "/img/%2E%2E/%2e%2e/secret.txt", "/./index.html", "//etc/passwd", "/img//logo.svg",
        "/..%5csecret.txt", "/index.html%00.js", "/%", "/%2", "/%zz", "relative.html"}) {
    auto file = files_->read(path);
    ASSERT_FALSE(file) << path;
    EXPECT_EQ(file.error().code, ErrorCode::kInvalidInput) << path;
  }
}

TEST_F(StaticFilesTest, LinksOutOfTheDirectoryAndMissingFilesAreNotFound) {
  for (const char* path : {"/leak.txt", "/up/secret.txt", "/missing.html", "/img", "/img/nope/"}) {
    auto file = files_->read(path);
    ASSERT_FALSE(file) << path;
    EXPECT_EQ(file.error().code, ErrorCode::kNotFound) << path;
  }
}

TEST_F(StaticFilesTest, AFileOverTheLimitIsNotRead) {
  auto small = StaticFiles::open(site_, 5);
  ASSERT_TRUE(small);
  auto file = small->read("/index.html");
  ASSERT_FALSE(file);
  EXPECT_EQ(file.error().code, ErrorCode::kUnavailable);
  EXPECT_NE(file.error().message.find("larger than 5 bytes"), std::string::npos);
}

TEST(StaticFilesOpen, AMissingDirectoryIsRefusedNamingIt) {
  auto files = StaticFiles::open("/nonexistent/truce-static");
  ASSERT_FALSE(files);
  EXPECT_NE(files.error().message.find("/nonexistent/truce-static"), std::string::npos);
}

}  // namespace
}  // namespace truce::http

namespace truce::test {
namespace {

// Over real loopback HTTP: a front end's files beside the API, and requests
// sent raw, as a hostile client would, to leave the directory.
TEST(StaticFilesServed, BesideTheApiWithoutLettingAnyPathOut) {
  TempDir dir;
  write_file(dir / "secret.txt", "outside");
  std::filesystem::create_directories(dir / "site");
  write_file(dir.path() / "site" / "index.html", "<h1>front end</h1>");
  http::ApiOptions options;
  options.static_root = dir / "site";
  RunningApi api(options);

  HttpResponse index = http_request(api.port(), "GET", "/");
  EXPECT_EQ(index.status, 200);
  EXPECT_EQ(index.body, "<h1>front end</h1>");
  EXPECT_EQ(index.header("content-type"), "text/html; charset=utf-8");
  EXPECT_EQ(index.header("x-content-type-options"), "nosniff");
  EXPECT_EQ(http_request(api.port(), "GET", "/healthz").status, 200);  // the API still answers

  for (const char* target : {"/../secret.txt", "/%2e%2e/secret.txt", "/..%2fsecret.txt"}) {
    HttpConnection connection(api.port());
    connection.send_raw(std::string("GET ") + target + " HTTP/1.1\r\nHost: x\r\n\r\n");
    auto response = connection.read_response();
    ASSERT_TRUE(response) << target;
    EXPECT_EQ(response->status, 400) << target;
    EXPECT_EQ(response->body.find("outside"), std::string::npos) << target;
  }
  HttpResponse missing = http_request(api.port(), "GET", "/nothing.js");
  EXPECT_EQ(missing.status, 404);
  EXPECT_EQ(missing.header("content-type"), "application/problem+json");
  // Unknown API paths stay API problems, not files.
  EXPECT_EQ(http_request(api.port(), "GET", "/api/v1/index.html").json()["code"], "not_found");
}

TEST(StaticFilesServed, WithoutADirectoryNothingButTheApiIsServed) {
  RunningApi api;
  EXPECT_EQ(http_request(api.port(), "GET", "/").status, 404);
}

}  // namespace
}  // namespace truce::test
