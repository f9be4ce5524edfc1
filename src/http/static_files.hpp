// Files of a web front end served from one directory (`truce serve --static
// DIR`). Only regular files inside the directory are served: a request path is
// percent-decoded once, and refused if a segment is empty, ".", "..", or holds
// a backslash, a NUL or another control character, or if the resolved file,
// after following symbolic links, lies outside the directory.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "core/result.hpp"

namespace truce::http {

struct StaticFile {
  std::string content_type;
  std::string body;
  std::string etag;  // a strong validator: size and modification time
};

class StaticFiles {
 public:
  // The directory must exist; it is resolved once, so a later symlink swap of
  // the root itself does not widen what is served.
  static Result<StaticFiles> open(const std::filesystem::path& root,
                                  std::uint64_t max_file_bytes = 16U << 20U);

  // The file for a request path ("/", "/app.js", "/img/logo.svg"); "/" and a
  // path ending in "/" mean its index.html. kNotFound for a missing file or a
  // directory; kInvalidInput for a path that tries to leave the directory or
  // is malformed; kUnavailable for a file over the limit or one that cannot be
  // read.
  Result<StaticFile> read(std::string_view request_path) const;

  const std::filesystem::path& root() const { return root_; }

 private:
  StaticFiles(std::filesystem::path root, std::uint64_t max_file_bytes)
      : root_(std::move(root)), max_file_bytes_(max_file_bytes) {}

  std::filesystem::path root_;
  std::uint64_t max_file_bytes_;
};

// "text/html; charset=utf-8" for ".html", ...; "application/octet-stream" when unknown.
std::string_view content_type_of(const std::filesystem::path& file);

}  // namespace truce::http
