// Analysts' ratings of sources and claimants: the Admiralty reliability (A-F)
// of a source id or an actor id, read from data/sources/reliability.tsv. A
// claim's reliability is its claimant's rating if the table has one (a ministry
// quoted by any outlet), else its source's (the publisher), else the grade the
// source was stored with.
//
// Thread-safety: plain values.
#pragma once

#include <map>
#include <string>
#include <string_view>

#include "core/result.hpp"
#include "core/source.hpp"

namespace truce::fusion {

using ReliabilityTable = std::map<std::string, Reliability, std::less<>>;

// Lines "id<TAB>grade<TAB>why"; comments and blank lines as in every data file
// (core/data_lines.hpp). Errors name `file_name`, the line and the column;
// nothing is returned on error.
Result<ReliabilityTable> parse_reliability_table(std::string_view text, std::string_view file_name);

Reliability reliability_of(const ReliabilityTable& table, std::string_view claimant,
                           std::string_view source, Reliability stored);

}  // namespace truce::fusion
