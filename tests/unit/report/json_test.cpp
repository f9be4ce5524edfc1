// The --json renderings carry a claim's members as the JSON report format
// writes them (serial/json_values.hpp), the extractor's additions included.
#include "report/json.hpp"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>

namespace truce::report {
namespace {

// Synthetic: Northland, Westland and the Kestrel Accord are fictional.
ClaimRecord accord_record() {
  ClaimRecord record;
  record.source = Source{SourceId("wire"), "A news wire", Reliability::kF, Affiliation{}, ""};
  record.document.id = DocumentId("doc_00000000000000000001");
  record.document.source = record.source.id;
  record.document.text = "Westland brokered the Kestrel Accord.";
  record.document.agreement_references = {
      AgreementReference{"the Kestrel Accord", {}, "", {{18, 36}}}};
  record.claim.document = record.document.id;
  record.claim.claimant = {"wire", "A news wire"};
  record.claim.event_type = EventType::kAgreement;
  record.claim.time = {*parse_civil_time("2019-05-03"), *parse_civil_time("2019-05-03"),
                       TimePrecision::kDay, ""};
  record.claim.time_basis = {DateBasis::kAnnouncement, false, ""};
  record.claim.actors = {{ActorRef{"westland", "Westland"}, ActorRole::kMediator}};
  record.claim.agreements = {AgreementReference{"Kestrel Accord", {}, "", {{22, 36}}}};
  return record;
}

TEST(ClaimRecordJson, CarriesTheTimeBasisActorsAndAgreementsWithTheirWords) {
  std::string text = claim_record_json(accord_record());
  nlohmann::json json = nlohmann::json::parse(text);
  const nlohmann::json& claim = json["claim"];
  EXPECT_EQ(claim["event_type"], "agreement") << text;
  EXPECT_EQ(claim["time_basis"], nlohmann::json::parse(R"({"basis": "announcement",
                                                           "from_context": false})"));
  EXPECT_EQ(claim["actors"], nlohmann::json::parse(R"([{"id": "westland", "name": "Westland",
                                                        "role": "mediator"}])"));
  EXPECT_EQ(claim["agreements"], nlohmann::json::parse(R"([{"name": "Kestrel Accord",
                                                            "spans": [[22, 36]],
                                                            "quotes": ["Kestrel Accord"]}])"));
  EXPECT_EQ(json["document"]["agreement_references"][0]["quotes"],
            nlohmann::json::parse(R"(["the Kestrel Accord"])"))
      << text;
}

TEST(ClaimsJson, LeavesTheNewMembersOutOfClaimsThatHaveNone) {
  ClaimRecord record = accord_record();
  record.claim.time_basis = TimeBasis{};
  record.claim.actors.clear();
  record.claim.agreements.clear();
  std::string json = claims_json({record.claim}, Paging{1, 10, 0});
  EXPECT_EQ(json.find("time_basis"), std::string::npos) << json;
  EXPECT_EQ(json.find("actors"), std::string::npos) << json;
  EXPECT_EQ(json.find("agreements"), std::string::npos) << json;
}

}  // namespace
}  // namespace truce::report
