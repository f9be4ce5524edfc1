// The CLI's exit codes, documented in docs/cli.md. One switch maps every
// ErrorCode, with no default, so -Wswitch flags a new code here.
#pragma once

#include "core/result.hpp"

namespace truce::app {

constexpr int kExitOk = 0;
constexpr int kExitUsage = 2;  // bad arguments or flags
int exit_code(ErrorCode code);

}  // namespace truce::app
