#include "http/static_files.hpp"

#include <algorithm>
#include <array>
#include <fstream>
#include <iterator>
#include <system_error>

namespace truce::http {
namespace {

constexpr std::string_view kContext = "http: static files";

Error refused(std::string_view path, std::string_view why) {
  return make_error(ErrorCode::kInvalidInput,
                    "static file path '" + std::string(path) + "' " + std::string(why),
                    std::string(kContext));
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') {
    return c - '0';
  }
  if (c >= 'a' && c <= 'f') {
    return c - 'a' + 10;
  }
  if (c >= 'A' && c <= 'F') {
    return c - 'A' + 10;
  }
  return -1;
}

// Percent-decodes once; a malformed escape is an error, not passed through.
std::optional<std::string> percent_decoded(std::string_view path) {
  std::string out;
  out.reserve(path.size());
  for (std::size_t i = 0; i < path.size(); ++i) {
    if (path[i] != '%') {
      out.push_back(path[i]);
      continue;
    }
    if (i + 2 >= path.size()) {
      return std::nullopt;
    }
    const int high = hex_value(path[i + 1]);
    const int low = hex_value(path[i + 2]);
    if (high < 0 || low < 0) {
      return std::nullopt;
    }
    out.push_back(static_cast<char>(high * 16 + low));
    i += 2;
  }
  return out;
}

bool inside(const std::filesystem::path& root, const std::filesystem::path& file) {
  return std::mismatch(root.begin(), root.end(), file.begin(), file.end()).first == root.end();
}

}  // namespace

Result<StaticFiles> StaticFiles::open(const std::filesystem::path& root,
                                      std::uint64_t max_file_bytes) {
  std::error_code error;
  std::filesystem::path resolved = std::filesystem::canonical(root, error);
  if (error || !std::filesystem::is_directory(resolved, error)) {
    return make_error(ErrorCode::kInvalidInput,
                      root.string() + ": not a directory to serve static files from" +
                          (error ? " (" + error.message() + ")" : std::string()),
                      std::string(kContext));
  }
  return StaticFiles(std::move(resolved), max_file_bytes);
}

Result<StaticFile> StaticFiles::read(std::string_view request_path) const {
  const std::string_view path = request_path.substr(0, request_path.find_first_of("?#"));
  if (path.empty() || path.front() != '/') {
    return refused(path, "does not start with '/'");
  }
  auto decoded = percent_decoded(path);
  if (!decoded) {
    return refused(path, "has a malformed percent escape");
  }
  std::string relative = decoded->substr(1);
  if (relative.empty() || relative.back() == '/') {
    relative += "index.html";
  }
  std::filesystem::path file = root_;
  std::size_t begin = 0;
  while (begin <= relative.size()) {
    const std::size_t end = std::min(relative.find('/', begin), relative.size());
    const std::string_view segment = std::string_view(relative).substr(begin, end - begin);
    if (segment.empty() || segment == "." || segment == "..") {
      return refused(path, "has an empty, '.' or '..' segment");
    }
    for (const char c : segment) {
      if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f || c == '\\') {
        return refused(path, "holds a control character or a backslash");
      }
    }
    file /= std::string(segment);
    begin = end + 1;
  }

  std::error_code error;
  const std::filesystem::path resolved = std::filesystem::canonical(file, error);
  if (error || !std::filesystem::is_regular_file(resolved, error)) {
    return make_error(ErrorCode::kNotFound, "no static file at '" + std::string(path) + "'",
                      std::string(kContext));
  }
  if (!inside(root_, resolved)) {
    // A symbolic link that points out of the directory: as good as absent.
    return make_error(ErrorCode::kNotFound, "no static file at '" + std::string(path) + "'",
                      std::string(kContext));
  }
  const std::uintmax_t size = std::filesystem::file_size(resolved, error);
  if (error || size > max_file_bytes_) {
    return make_error(ErrorCode::kUnavailable,
                      "static file '" + std::string(path) + "' " +
                          (error ? "cannot be read: " + error.message()
                                 : "is larger than " + std::to_string(max_file_bytes_) + " bytes"),
                      std::string(kContext));
  }
  std::ifstream in(resolved, std::ios::binary);
  StaticFile out;
  out.body.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  if (!in.good() && !in.eof()) {
    return make_error(ErrorCode::kUnavailable,
                      "static file '" + std::string(path) + "' cannot be read",
                      std::string(kContext));
  }
  out.content_type = std::string(content_type_of(resolved));
  const auto modified = std::filesystem::last_write_time(resolved, error);
  out.etag = "\"" + std::to_string(out.body.size()) + "-" +
             std::to_string(error ? 0 : modified.time_since_epoch().count()) + "\"";
  return out;
}

std::string_view content_type_of(const std::filesystem::path& file) {
  struct Type {
    std::string_view extension;
    std::string_view content_type;
  };
  static constexpr std::array kTypes{
      Type{".html", "text/html; charset=utf-8"},
      Type{".css", "text/css; charset=utf-8"},
      Type{".js", "text/javascript; charset=utf-8"},
      Type{".mjs", "text/javascript; charset=utf-8"},
      Type{".json", "application/json"},
      Type{".geojson", "application/geo+json"},
      Type{".svg", "image/svg+xml"},
      Type{".png", "image/png"},
      Type{".jpg", "image/jpeg"},
      Type{".ico", "image/vnd.microsoft.icon"},
      Type{".woff2", "font/woff2"},
      Type{".txt", "text/plain; charset=utf-8"},
      Type{".map", "application/json"},
  };
  const std::string extension = file.extension().string();
  for (const Type& type : kTypes) {
    if (type.extension == extension) {
      return type.content_type;
    }
  }
  return "application/octet-stream";
}

}  // namespace truce::http
