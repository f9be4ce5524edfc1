// The truce HTTP API, version 1: the route table, authentication and
// authorisation of every request from its head, and the endpoints, which
// parse parameters, call service::Monitor and render the CLI's JSON shapes.
// docs/api.md describes it for people and docs/api/openapi.json for programs.
//
// Thread-safety: one Api serves all of the server's threads; it keeps one
// Monitor (one store connection) per thread, chosen by Exchange::worker.
#pragma once

#include <chrono>
#include <cstddef>
#include <filesystem>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "core/result.hpp"
#include "http/metrics.hpp"
#include "http/rate_limit.hpp"
#include "http/router.hpp"
#include "http/server.hpp"
#include "http/static_files.hpp"
#include "service/monitor.hpp"

namespace truce::http {

struct ApiOptions {
  std::string database;
  int threads = 4;                           // one store connection per server thread
  std::size_t max_ingest_bytes = 8U << 20U;  // bodies of POST /ingest
  std::size_t max_json_bytes = 64U << 10U;   // bodies of the other POSTs
  std::size_t max_evidence_bytes = service::kDefaultMaxEvidenceBytes;  // POST .../evidence
  double requests_per_second = 50;                                     // per token; 0: no limit
  double request_burst = 100;
  double logins_per_second = 0.5;  // per client address
  double login_burst = 10;
  std::chrono::seconds session_lifetime{3600};
  std::filesystem::path static_root;  // empty: no static files are served
};

class Api final : public Handler {
 public:
  // Opens one store connection per thread; fails as Monitor::open does.
  static Result<std::unique_ptr<Api>> open(const ApiOptions& options);

  std::optional<Response> admit(Exchange& exchange) override;
  Response handle(Exchange& exchange) override;
  Response refusal(int status, std::string_view code, std::string_view detail) override;
  void completed(const Exchange& exchange, int status) override;

  const Router& router() const { return router_; }

  // Endpoints, public so the route table in api.cpp can name them.
  using Endpoint = Response (Api::*)(Exchange&, service::Monitor&);
  Response healthz(Exchange& exchange, service::Monitor& monitor);
  Response metrics(Exchange& exchange, service::Monitor& monitor);
  Response openapi(Exchange& exchange, service::Monitor& monitor);
  Response list_sources(Exchange& exchange, service::Monitor& monitor);
  Response get_source(Exchange& exchange, service::Monitor& monitor);
  Response list_documents(Exchange& exchange, service::Monitor& monitor);
  Response get_document(Exchange& exchange, service::Monitor& monitor);
  Response list_claims(Exchange& exchange, service::Monitor& monitor);
  Response get_claim(Exchange& exchange, service::Monitor& monitor);
  Response daily_statistics(Exchange& exchange, service::Monitor& monitor);
  Response export_claims(Exchange& exchange, service::Monitor& monitor);
  Response ingest(Exchange& exchange, service::Monitor& monitor);
  Response login(Exchange& exchange, service::Monitor& monitor);
  Response logout(Exchange& exchange, service::Monitor& monitor);
  Response whoami(Exchange& exchange, service::Monitor& monitor);
  Response list_users(Exchange& exchange, service::Monitor& monitor);
  Response add_user(Exchange& exchange, service::Monitor& monitor);
  Response issue_token(Exchange& exchange, service::Monitor& monitor);
  Response audit_log(Exchange& exchange, service::Monitor& monitor);
  Response verify_audit(Exchange& exchange, service::Monitor& monitor);
  Response list_incidents(Exchange& exchange, service::Monitor& monitor);
  Response get_incident(Exchange& exchange, service::Monitor& monitor);
  Response get_incident_review(Exchange& exchange, service::Monitor& monitor);
  Response merge_incident(Exchange& exchange, service::Monitor& monitor);
  Response split_incident(Exchange& exchange, service::Monitor& monitor);
  Response attach_claim(Exchange& exchange, service::Monitor& monitor);
  Response detach_claim(Exchange& exchange, service::Monitor& monitor);
  Response publish_incident(Exchange& exchange, service::Monitor& monitor);
  Response unpublish_incident(Exchange& exchange, service::Monitor& monitor);
  Response open_review(Exchange& exchange, service::Monitor& monitor);
  Response sign_off(Exchange& exchange, service::Monitor& monitor);
  Response list_agreements(Exchange& exchange, service::Monitor& monitor);
  Response get_agreement(Exchange& exchange, service::Monitor& monitor);
  // Assessments, alerts and coverage of stored incidents (assessment_endpoints.cpp).
  Response get_incident_assessment(Exchange& exchange, service::Monitor& monitor);
  Response list_assessments(Exchange& exchange, service::Monitor& monitor);
  Response list_alerts(Exchange& exchange, service::Monitor& monitor);
  Response coverage(Exchange& exchange, service::Monitor& monitor);
  Response file_complaint(Exchange& exchange, service::Monitor& monitor);
  Response list_complaints(Exchange& exchange, service::Monitor& monitor);
  Response get_complaint(Exchange& exchange, service::Monitor& monitor);
  Response review_complaint(Exchange& exchange, service::Monitor& monitor);
  Response record_finding(Exchange& exchange, service::Monitor& monitor);
  // Comments, evidence and named persons (note_endpoints.cpp).
  Response list_comments(Exchange& exchange, service::Monitor& monitor);
  Response add_comment(Exchange& exchange, service::Monitor& monitor);
  Response list_evidence(Exchange& exchange, service::Monitor& monitor);
  Response add_evidence(Exchange& exchange, service::Monitor& monitor);
  Response get_evidence_file(Exchange& exchange, service::Monitor& monitor);
  Response get_incident_evidence_file(Exchange& exchange, service::Monitor& monitor);
  Response list_persons(Exchange& exchange, service::Monitor& monitor);
  Response add_person(Exchange& exchange, service::Monitor& monitor);

 private:
  Api(ApiOptions options, std::vector<service::Monitor> monitors,
      std::optional<StaticFiles> static_files);
  Result<const service::Reader*> reader();
  Response static_file(std::string_view path) const;

  ApiOptions options_;
  std::vector<service::Monitor> monitors_;
  Router router_;
  std::vector<Endpoint> endpoints_;  // by route index
  Metrics metrics_;
  RateLimiter token_limiter_;
  RateLimiter login_limiter_;
  std::mutex reader_mutex_;
  std::optional<service::Reader> reader_;
  std::optional<StaticFiles> static_files_;
};

}  // namespace truce::http
