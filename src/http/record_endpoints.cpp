// Endpoints that read records: sources, documents, claims, daily statistics,
// exports; and the open ones (health, metrics, the API document).
#include <nlohmann/json.hpp>

#include "core/vocabulary.hpp"
#include "http/api.hpp"
#include "http/endpoint_support.hpp"
#include "http/openapi.hpp"
#include "http/params.hpp"
#include "http/problem.hpp"
#include "report/json.hpp"
#include "serial/formats.hpp"
#include "serial/json_values.hpp"

namespace truce::http {
namespace {

using Json = nlohmann::ordered_json;

constexpr int kMaxExport = 1'000'000;

Json summary_value(const storage::ClaimSummary& claim) {
  Json value = Json::object();
  value["id"] = claim.id;
  value["document"] = claim.document;
  value["claimant"] = claim.claimant;
  value["event_type"] = claim.event_type;
  value["time"] = {
      {"start", claim.time_start}, {"end", claim.time_end}, {"precision", claim.time_precision}};
  if (claim.place_name || claim.box) {
    Json place = Json::object();
    place["name"] = claim.place_name ? Json(*claim.place_name) : Json(nullptr);
    place["precision"] = claim.place_precision ? Json(*claim.place_precision) : Json(nullptr);
    if (claim.box) {
      place["bbox"] = {claim.box->min_lon, claim.box->min_lat, claim.box->max_lon,
                       claim.box->max_lat};
    }
    value["place"] = std::move(place);
  } else {
    value["place"] = nullptr;
  }
  value["perpetrator"] = claim.perpetrator ? Json(*claim.perpetrator) : Json(nullptr);
  value["target"] = claim.target ? Json(*claim.target) : Json(nullptr);
  value["credibility"] = claim.credibility;
  Json& figures = value["casualties"] = Json::array();
  for (const auto& figure : claim.casualties) {
    figures.push_back({{"side", figure.side_kind},
                       {"party", figure.party ? Json(*figure.party) : Json(nullptr)},
                       {"status", figure.status},
                       {"min", figure.min},
                       {"max", figure.max ? Json(*figure.max) : Json(nullptr)}});
  }
  return value;
}

}  // namespace

Response Api::healthz(Exchange& /*exchange*/, service::Monitor& monitor) {
  auto ready = monitor.ping();
  if (!ready) {
    Response response = problem(503, "unavailable", "the store does not answer");
    return response;
  }
  return json_response("{\"status\":\"ok\",\"store\":\"ok\"}\n");
}

Response Api::metrics(Exchange& /*exchange*/, service::Monitor& /*monitor*/) {
  Response response;
  response.content_type = "text/plain; version=0.0.4; charset=utf-8";
  response.body = metrics_.render();
  return response;
}

Response Api::openapi(Exchange& /*exchange*/, service::Monitor& /*monitor*/) {
  return json_response(std::string(openapi_document()));
}

Response Api::list_sources(Exchange& /*exchange*/, service::Monitor& monitor) {
  auto sources = monitor.sources();
  if (!sources) {
    return problem_for(sources.error());
  }
  return json_response(report::sources_json(*sources));
}

Response Api::get_source(Exchange& exchange, service::Monitor& monitor) {
  auto source = monitor.source(SourceId(path_parameter(exchange, "id")));
  if (!source) {
    return problem_for(source.error());
  }
  return json_response(report::source_json(*source));
}

Response Api::list_documents(Exchange& exchange, service::Monitor& monitor) {
  storage::DocumentQuery query;
  auto page = page_request(exchange.query);
  if (!page) {
    return parameter_problem(page.error());
  }
  const auto& [limit, after] = *page;
  if (!after.empty()) {
    query.after_id = after;
  }
  if (auto source = exchange.query.find("source"); source != exchange.query.end()) {
    if (!is_valid_slug(source->second)) {
      return problem(400, "invalid_parameter",
                     "source '" + source->second + "' is not a source id (a slug)", "source");
    }
    query.source = SourceId(source->second);
  }
  query.limit = limit + 1;  // one more tells whether another page follows
  auto documents = monitor.documents_page(query);
  if (!documents) {
    return problem_for(documents.error());
  }
  Json body = Json::object();
  body["documents"] = Json::array();
  const bool more = more_than_page(*documents, limit);
  for (const Document& document : *documents) {
    body["documents"].push_back(serial::document_value(document, false));
  }
  body["limit"] = limit;
  body["next_cursor"] = more ? Json(encode_cursor(documents->back().id.str())) : Json(nullptr);
  return json_response(dump(body));
}

Response Api::get_document(Exchange& exchange, service::Monitor& monitor) {
  auto document = monitor.document(DocumentId(path_parameter(exchange, "id")));
  if (!document) {
    return problem_for(document.error());
  }
  return json_response(report::document_json(*document));
}

Response Api::list_claims(Exchange& exchange, service::Monitor& monitor) {
  auto query = claim_filters(exchange.query);
  if (!query) {
    return parameter_problem(query.error());
  }
  auto page = page_request(exchange.query);
  if (!page) {
    return parameter_problem(page.error());
  }
  const auto& [limit, after] = *page;
  if (!after.empty()) {
    auto cursor = parse_claim_cursor(after);
    if (!cursor) {
      return parameter_problem(cursor.error());
    }
    query->after = std::move(cursor).value();
  }
  query->limit = limit + 1;
  std::string view = "full";
  if (auto found = exchange.query.find("view"); found != exchange.query.end()) {
    view = found->second;
  }
  if (view == "summary") {
    auto summaries = monitor.claim_summaries(*query);
    if (!summaries) {
      return problem_for(summaries.error());
    }
    const bool more = more_than_page(*summaries, limit);
    Json body = Json::object();
    Json& list = body["claims"] = Json::array();
    for (const auto& summary : *summaries) {
      list.push_back(summary_value(summary));
    }
    body["limit"] = limit;
    body["next_cursor"] =
        more ? Json(encode_cursor(summaries->back().start_key + "|" + summaries->back().id))
             : Json(nullptr);
    return json_response(dump(body));
  }
  if (view != "full") {
    return problem(400, "invalid_parameter", "view '" + view + "' is not one of full, summary",
                   "view");
  }
  auto claims = monitor.claims(*query);
  if (!claims) {
    return problem_for(claims.error());
  }
  const bool more = more_than_page(*claims, limit);
  Json body = Json::object();
  Json& list = body["claims"] = Json::array();
  for (const Claim& claim : *claims) {
    list.push_back(serial::claim_value(claim, nullptr));
  }
  body["limit"] = limit;
  body["next_cursor"] = more ? Json(claim_cursor(claims->back())) : Json(nullptr);
  return json_response(dump(body));
}

Response Api::get_claim(Exchange& exchange, service::Monitor& monitor) {
  auto record = monitor.claim(ClaimId(path_parameter(exchange, "id")));
  if (!record) {
    return problem_for(record.error());
  }
  return json_response(report::claim_record_json(*record));
}

Response Api::daily_statistics(Exchange& exchange, service::Monitor& monitor) {
  auto query = claim_filters(exchange.query);
  if (!query) {
    return parameter_problem(query.error());
  }
  auto counts = monitor.daily_counts(*query);
  if (!counts) {
    return problem_for(counts.error());
  }
  Json body = Json::object();
  Json& days = body["days"] = Json::array();
  long long total = 0;
  for (const storage::DailyCount& count : *counts) {
    if (days.empty() || days.back()["day"] != count.day) {
      days.push_back({{"day", count.day}, {"claims", 0}, {"by_event_type", Json::object()}});
    }
    Json& day = days.back();
    day["claims"] = day["claims"].get<long long>() + count.claims;
    day["by_event_type"][std::string(to_string(count.event_type))] = count.claims;
    total += count.claims;
  }
  body["total"] = total;
  return json_response(dump(body));
}

Response Api::export_claims(Exchange& exchange, service::Monitor& monitor) {
  auto query = claim_filters(exchange.query);
  if (!query) {
    return parameter_problem(query.error());
  }
  std::string format = "json";
  if (auto found = exchange.query.find("format"); found != exchange.query.end()) {
    format = found->second;
  }
  if (format != "json" && format != "csv" && format != "geojson") {
    return problem(400, "invalid_parameter",
                   "format '" + format + "' is not one of json, csv, geojson", "format");
  }
  query->limit = kMaxExport;
  auto batch = monitor.export_batch(*query);
  if (!batch) {
    return problem_for(batch.error());
  }
  Response response;
  if (format == "json") {
    response.body = serial::write_report_json(*batch);
  } else if (format == "csv") {
    response.content_type = "text/csv; charset=utf-8";
    response.body = serial::write_claims_csv(*batch);
  } else {
    response.content_type = "application/geo+json";
    response.body = serial::write_claims_geojson(*batch);
  }
  return response;
}

}  // namespace truce::http
