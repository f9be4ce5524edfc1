#include <cstdio>
#include <cstdlib>

#include "app/commands.hpp"
#include "app/exit_codes.hpp"
#include "report/json.hpp"

namespace truce::app {

std::string resolve_database(const std::string& flag) {
  if (!flag.empty()) {
    return flag;
  }
  if (const char* from_env = std::getenv("TRUCE_DB"); from_env && *from_env) {
    return from_env;
  }
  return "truce.db";
}

void report_error(Context& context, const Error& error, bool json) {
  std::fprintf(stderr, "truce: error: %s\n", error.message.c_str());
  if (json) {
    std::fputs(report::error_json(error).c_str(), stdout);
  }
  if (context.exit_code == 0) {
    context.exit_code = exit_code(error.code);
  }
}

}  // namespace truce::app

namespace truce::app {

std::optional<CivilTime> parse_published_flag(const std::string& flag) {
  auto time = parse_civil_time(flag);
  if (!time || time->time_of_day) {
    return std::nullopt;
  }
  return time;
}

}  // namespace truce::app
