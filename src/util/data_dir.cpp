#include "util/data_dir.hpp"

#include <cstdlib>
#include <system_error>

namespace truce::util {

Result<std::filesystem::path> executable_path() {
  std::error_code error;
  auto path = std::filesystem::read_symlink("/proc/self/exe", error);
  if (error) {
    return make_error(ErrorCode::kUnavailable,
                      "cannot find the running executable: " + error.message(), "util: data dir");
  }
  return path;
}

Result<std::filesystem::path> find_data_dir() {
  std::error_code error;
  if (const char* override_dir = std::getenv("TRUCE_DATA"); override_dir && *override_dir) {
    std::filesystem::path path(override_dir);
    if (!std::filesystem::is_directory(path, error)) {
      return make_error(ErrorCode::kNotFound,
                        "TRUCE_DATA is set to " + path.string() + ", which is not a directory",
                        "util: data dir");
    }
    return path;
  }
  auto executable = executable_path();
  if (!executable) {
    return executable.error();
  }
  auto beside = (executable->parent_path() / ".." / "share" / "truce").lexically_normal();
  if (std::filesystem::is_directory(beside, error)) {
    return beside;
  }
  return make_error(ErrorCode::kNotFound,
                    "cannot find truce's data: looked at " + beside.string() +
                        "; set TRUCE_DATA to the data directory (the repository's data/)",
                    "util: data dir");
}

}  // namespace truce::util
