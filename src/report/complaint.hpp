// Renderings of complaints (docs/api.md, "Complaints"): the JSON object the
// API and `truce complaint ... --json` print, and the CLI's text.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/complaint.hpp"
#include "report/picture.hpp"

namespace truce::report {

// One complaint: {"id","state","party","claim","document","incident",
// "filed":{"by","at"},"review":{...}|null,"finding":{"outcome","text","by","at"}|null,
// "updated_at"}, without a trailing newline (audit entries embed it).
std::string complaint_object_json(const Complaint& complaint);

// {"complaint": {...}, "claim": {...}}: the complaint and its claim with the
// words behind each value, as the claim's filer wrote them.
std::string complaint_json(const Complaint& complaint, const ClaimRecord& claim);

// {"complaints":[...],"limit":N,"next_cursor":"..."|null}
std::string complaints_json(const std::vector<Complaint>& complaints, int limit,
                            const std::optional<std::string>& next_cursor);

std::string complaint_text(const Complaint& complaint, const ClaimRecord& claim);
std::string complaints_table(const std::vector<Complaint>& complaints);

}  // namespace truce::report
