#include "app/exit_codes.hpp"

namespace truce::app {

int exit_code(ErrorCode code) {
  switch (code) {
    case ErrorCode::kInvalidInput: return 3;
    case ErrorCode::kNotFound: return 4;
    case ErrorCode::kConflict: return 5;
    case ErrorCode::kUnavailable: return 6;
    case ErrorCode::kIncompatible: return 7;
    case ErrorCode::kDataCorruption: return 8;
    case ErrorCode::kInternal: return 70;
  }
  return 70;
}

}  // namespace truce::app
