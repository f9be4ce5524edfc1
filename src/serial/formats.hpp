// The file encodings of the data model: the JSON report format
// (schema/report.schema.json), GeoJSON FeatureCollections of claims, and CSV
// with documented columns (docs/formats/ (csv.md, json.md, geojson.md)). Each reader is the inverse
// of its writer: write then read gives records with the same canonical form.
//
// Readers only parse and check shape and vocabulary; they do not derive ids
// (ingest/ does). Document ids in a read batch are provisional: either the
// "doc_..." id the file gave, or "key:" + the file's local key; claims refer
// to documents by the same provisional id. Every error names the file and the
// place: "f.json:/claims/3/casualties/0/min: ..." (JSON pointer),
// "f.csv:14: column 'killed': ..." (line), "f.json:12:5: syntax error ...".
//
// Thread-safety: free functions without shared state.
#pragma once

#include <string>
#include <string_view>

#include "core/batch.hpp"
#include "core/result.hpp"

namespace truce::serial {

Result<IntakeBatch> read_report_json(std::string_view text, std::string_view file_name);
std::string write_report_json(const IntakeBatch& batch);

Result<IntakeBatch> read_claims_geojson(std::string_view text, std::string_view file_name);
std::string write_claims_geojson(const IntakeBatch& batch);

Result<IntakeBatch> read_claims_csv(std::string_view text, std::string_view file_name);
std::string write_claims_csv(const IntakeBatch& batch);

}  // namespace truce::serial
