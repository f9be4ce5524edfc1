// Where truce's bundled data (example reports, later lexicons, gazetteers and
// agreements) lives. The build tree and an installation share one layout,
// bin/truce beside share/truce, so the binary finds its data wherever it was
// built or installed; TRUCE_DATA overrides that.
#pragma once

#include <filesystem>

#include "core/result.hpp"

namespace truce::util {

// TRUCE_DATA if set (it must be a directory), else <dir of executable>/../share/truce.
// kNotFound names every place looked at.
Result<std::filesystem::path> find_data_dir();

// The running executable's path (Linux: /proc/self/exe).
Result<std::filesystem::path> executable_path();

}  // namespace truce::util
