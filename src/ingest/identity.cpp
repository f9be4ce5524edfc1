#include "ingest/identity.hpp"

#include <map>
#include <set>

#include "core/validation.hpp"
#include "core/vocabulary.hpp"
#include "ingest/intake.hpp"

namespace truce::ingest {
namespace {

constexpr std::size_t kIdHexDigits = 20;

bool is_hex_id(const std::string& id, std::string_view prefix, std::size_t digits = kIdHexDigits) {
  if (id.size() != prefix.size() + digits || id.compare(0, prefix.size(), prefix) != 0) {
    return false;
  }
  for (std::size_t i = prefix.size(); i < id.size(); ++i) {
    char c = id[i];
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
      return false;
    }
  }
  return true;
}

// What identifies a document without text: everything its sender said of it.
std::string metadata_form(const Document& document) {
  std::string form;
  auto line = [&form](std::string_view value) {
    form += value;
    form += '\n';
  };
  line(to_string(document.kind));
  line(document.title);
  line(document.language);
  line(document.published ? format_civil_time(*document.published) : "");
  line(document.url);
  for (const auto& link : document.origin) {
    line(link);
  }
  line(document.external_ref);
  return form;
}

std::string location_of(const std::vector<std::string>& locations, std::size_t index,
                        const std::string& origin) {
  return index < locations.size() && !locations[index].empty() ? locations[index] : origin;
}

}  // namespace

Status assign_ids(IntakeBatch& batch, std::vector<std::string>& warnings) {
  std::map<std::string, std::string> renamed;  // provisional id -> derived id
  std::set<std::string> kept_documents;
  std::vector<Document> documents;
  std::vector<std::string> document_locations;
  for (std::size_t i = 0; i < batch.documents.size(); ++i) {
    Document& document = batch.documents[i];
    std::string where = location_of(batch.document_locations, i, batch.origin);
    const std::string provisional = document.id.str();
    bool has_text = !document.text.empty();
    if (has_text) {
      std::string hash = sha256_hex(document.text);
      if (!document.content_hash.empty() && document.content_hash != hash) {
        return make_error(ErrorCode::kInvalidInput,
                          where + ": field 'content_hash': " + document.content_hash +
                              " is not the SHA-256 of the document's text (" + hash + ")",
                          "ingest: assign ids");
      }
      document.content_hash = hash;
    } else if (document.content_hash.empty()) {
      document.content_hash = sha256_hex(metadata_form(document));
    } else if (!is_hex_id(document.content_hash, "", 64)) {
      // A well-formed hash given without text is kept: it names a text held
      // elsewhere (a CSV or GeoJSON export), and so keeps the document's id.
      return make_error(ErrorCode::kInvalidInput,
                        where + ": field 'content_hash': \"" + document.content_hash +
                            "\" is not a SHA-256 in hex (64 digits 0-9a-f)",
                        "ingest: assign ids");
    }
    std::string derived =
        "doc_" +
        sha256_hex(document.source.str() + "\n" + document.content_hash).substr(0, kIdHexDigits);
    if (provisional.rfind("doc_", 0) == 0) {
      if (!is_hex_id(provisional, "doc_")) {
        return make_error(ErrorCode::kInvalidInput,
                          where + ": field 'id': \"" + provisional +
                              "\" is not a document id (doc_ and 20 hex digits)",
                          "ingest: assign ids");
      }
      if (has_text && provisional != derived) {
        return make_error(ErrorCode::kInvalidInput,
                          where + ": field 'id': " + provisional +
                              " does not match the document's source and text (they give " +
                              derived + "); was the text changed?",
                          "ingest: assign ids");
      }
      // Without text, a given id refers to a document known elsewhere (an
      // export of a stored document); it is kept as the document's identity.
      if (!has_text) {
        derived = provisional;
      }
    }
    renamed[provisional] = derived;
    document.id = DocumentId(derived);
    if (!kept_documents.insert(derived).second) {
      warnings.push_back(where + ": document is the same as an earlier one in this file (" +
                         derived + "); stored once");
      continue;
    }
    document_locations.push_back(where);
    documents.push_back(std::move(document));
  }
  batch.documents = std::move(documents);
  batch.document_locations = std::move(document_locations);

  std::set<std::string> kept_claims;
  std::vector<Claim> claims;
  std::vector<std::string> claim_locations;
  for (std::size_t i = 0; i < batch.claims.size(); ++i) {
    Claim& claim = batch.claims[i];
    std::string where = location_of(batch.claim_locations, i, batch.origin);
    const std::string& reference = claim.document.str();
    if (auto found = renamed.find(reference); found != renamed.end()) {
      claim.document = DocumentId(found->second);
    } else if (!is_hex_id(reference, "doc_")) {
      return make_error(ErrorCode::kInvalidInput,
                        where + ": field 'document': \"" + reference +
                            "\" names no document in this file and is not a document id",
                        "ingest: assign ids");
    }
    claim.id = ClaimId("clm_" + sha256_hex(canonical_form(claim)).substr(0, kIdHexDigits));
    if (!kept_claims.insert(claim.id.str()).second) {
      warnings.push_back(where + ": claim repeats an earlier claim in this file (" +
                         claim.id.str() + "); stored once");
      continue;
    }
    claim_locations.push_back(where);
    claims.push_back(std::move(claim));
  }
  batch.claims = std::move(claims);
  batch.claim_locations = std::move(claim_locations);
  return Status::ok();
}

}  // namespace truce::ingest
