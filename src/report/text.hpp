// Plain-text renderings for terminals: tables that line up for any script
// (widths count code points), and a claim with every field traced to the
// words of its document. Personal names never appear here beyond what the
// claim's own fields hold.
#pragma once

#include <string>
#include <vector>

#include "core/claim.hpp"
#include "core/document.hpp"
#include "core/source.hpp"
#include "report/picture.hpp"

namespace truce::report {

// "Armenia: killed 1, captured 13, missing 24; Azerbaijan: killed ≥7".
std::string casualty_summary(const std::vector<CasualtyFigure>& figures);

// "2021-11-16" or "2021-11-16..2021-11-18" (with "~" for week or coarser precision).
std::string time_summary(const TimeInterval& time);

// "7", "≥7", "7-10".
std::string count_text(const CountRange& count);

std::string claims_table(const std::vector<Claim>& claims);
std::string sources_table(const std::vector<Source>& sources);
std::string documents_table(const std::vector<Document>& documents);
std::string claim_detail(const ClaimRecord& record);
// The same with the code points of the record's document's text at hand, for
// the many claims of one document.
std::string claim_detail(const ClaimRecord& record, const CodePointIndex& document_text);
std::string document_detail(const Document& document);
std::string source_detail(const Source& source);
std::string picture_text(const Picture& picture);

}  // namespace truce::report
