#include "http/api.hpp"

#include <algorithm>
#include <cctype>

#include "http/problem.hpp"

namespace truce::http {
namespace {

// Filters shared by every claim listing (docs/api.md "Claim filters").
const std::vector<std::string> kClaimFilters = {"since", "until",  "bbox",    "event_type",
                                                "actor", "source", "document"};

// Filters of the incident listing (docs/api.md "Incident filters").
const std::vector<std::string> kIncidentFilters = {
    "since", "until", "bbox", "theatre", "event_type", "actor", "attribution", "evidence", "state"};

std::vector<std::string> with(std::vector<std::string> names,
                              std::initializer_list<const char*> more) {
  names.insert(names.end(), more.begin(), more.end());
  return names;
}

struct RouteEntry {
  RouteSpec spec;
  Api::Endpoint endpoint;
};

// The route table: every endpoint with the permission it needs. The OpenAPI
// document lists the same routes (a test holds the two together).
std::vector<RouteEntry> route_table(const ApiOptions& options) {
  std::size_t json = options.max_json_bytes;
  return {
      {{"GET", "/healthz", Permission::kOpen, {}, 0}, &Api::healthz},
      {{"GET", "/metrics", Permission::kOpen, {}, 0}, &Api::metrics},
      {{"GET", "/api/v1/openapi.json", Permission::kOpen, {}, 0}, &Api::openapi},
      {{"GET", "/api/v1/sources", Permission::kPublicRead, {}, 0}, &Api::list_sources},
      {{"GET", "/api/v1/sources/{id:slug}", Permission::kPublicRead, {}, 0}, &Api::get_source},
      {{"GET", "/api/v1/documents", Permission::kReadRecords, {"source", "limit", "cursor"}, 0},
       &Api::list_documents},
      {{"GET", "/api/v1/documents/{id:document_id}", Permission::kReadRecords, {}, 0},
       &Api::get_document},
      {{"GET", "/api/v1/claims", Permission::kReadRecords,
        with(kClaimFilters, {"limit", "cursor", "view"}), 0},
       &Api::list_claims},
      {{"GET", "/api/v1/claims/{id:claim_id}", Permission::kReadRecords, {}, 0}, &Api::get_claim},
      {{"GET", "/api/v1/statistics/daily", Permission::kReadRecords, kClaimFilters, 0},
       &Api::daily_statistics},
      {{"GET", "/api/v1/export", Permission::kExport, with(kClaimFilters, {"format"}), 0},
       &Api::export_claims},
      {{"POST",
        "/api/v1/ingest",
        Permission::kIngest,
        {"format", "published", "source", "name", "dry_run"},
        options.max_ingest_bytes},
       &Api::ingest},
      {{"POST", "/api/v1/login", Permission::kLogin, {}, json}, &Api::login},
      {{"POST", "/api/v1/logout", Permission::kAuthenticated, {}, 0}, &Api::logout},
      {{"GET", "/api/v1/me", Permission::kAuthenticated, {}, 0}, &Api::whoami},
      {{"GET", "/api/v1/users", Permission::kManageUsers, {}, 0}, &Api::list_users},
      {{"POST", "/api/v1/users", Permission::kManageUsers, {}, json}, &Api::add_user},
      {{"POST", "/api/v1/users/{name:slug}/tokens", Permission::kManageUsers, {}, 0},
       &Api::issue_token},
      {{"GET", "/api/v1/audit", Permission::kReadAudit, {"after", "limit"}, 0}, &Api::audit_log},
      {{"GET", "/api/v1/audit/verify", Permission::kReadAudit, {}, 0}, &Api::verify_audit},
      {{"GET", "/api/v1/incidents", Permission::kPublicRead,
        with(kIncidentFilters, {"limit", "cursor"}), 0},
       &Api::list_incidents},
      {{"GET", "/api/v1/incidents/{id:incident_id}", Permission::kPublicRead, {}, 0},
       &Api::get_incident},
      {{"GET", "/api/v1/incidents/{id:incident_id}/review", Permission::kReadRecords, {}, 0},
       &Api::get_incident_review},
      {{"POST",
        "/api/v1/incidents/{id:incident_id}/merge",
        Permission::kCorrectIncidents,
        {},
        json},
       &Api::merge_incident},
      {{"POST",
        "/api/v1/incidents/{id:incident_id}/split",
        Permission::kCorrectIncidents,
        {},
        json},
       &Api::split_incident},
      {{"POST",
        "/api/v1/incidents/{id:incident_id}/attach",
        Permission::kCorrectIncidents,
        {},
        json},
       &Api::attach_claim},
      {{"POST",
        "/api/v1/incidents/{id:incident_id}/detach",
        Permission::kCorrectIncidents,
        {},
        json},
       &Api::detach_claim},
      {{"POST", "/api/v1/incidents/{id:incident_id}/publish", Permission::kPublish, {}, 0},
       &Api::publish_incident},
      {{"POST", "/api/v1/incidents/{id:incident_id}/unpublish", Permission::kPublish, {}, 0},
       &Api::unpublish_incident},
      {{"POST", "/api/v1/incidents/{id:incident_id}/review", Permission::kOpenReview, {}, json},
       &Api::open_review},
      {{"POST", "/api/v1/incidents/{id:incident_id}/signoff", Permission::kSignOff, {}, json},
       &Api::sign_off},
      {{"GET", "/api/v1/agreements", Permission::kPublicRead, {}, 0}, &Api::list_agreements},
      {{"GET", "/api/v1/agreements/{id:slug}", Permission::kPublicRead, {}, 0},
       &Api::get_agreement},
      // Assessments, alerts and coverage of stored incidents.
      {{"GET", "/api/v1/incidents/{id:incident_id}/assessment", Permission::kPublicRead, {}, 0},
       &Api::get_incident_assessment},
      {{"GET", "/api/v1/assessments", Permission::kPublicRead,
        with(kIncidentFilters, {"agreement", "verdict", "limit", "cursor"}), 0},
       &Api::list_assessments},
      {{"GET",
        "/api/v1/alerts",
        Permission::kPublicRead,
        {"since", "until", "theatre", "agreement", "kind"},
        0},
       &Api::list_alerts},
      {{"GET", "/api/v1/coverage", Permission::kReadRecords, {"line", "posts", "at"}, 0},
       &Api::coverage},
      // Complaints (complaint_endpoints.cpp).
      {{"POST", "/api/v1/complaints", Permission::kFileComplaint, {}, json}, &Api::file_complaint},
      {{"GET",
        "/api/v1/complaints",
        Permission::kReadComplaints,
        {"state", "party", "limit", "cursor"},
        0},
       &Api::list_complaints},
      {{"GET", "/api/v1/complaints/{id:complaint_id}", Permission::kReadComplaints, {}, 0},
       &Api::get_complaint},
      {{"POST",
        "/api/v1/complaints/{id:complaint_id}/review",
        Permission::kDecideComplaints,
        {},
        0},
       &Api::review_complaint},
      {{"POST",
        "/api/v1/complaints/{id:complaint_id}/finding",
        Permission::kDecideComplaints,
        {},
        json},
       &Api::record_finding},
      // Comments, evidence files and named persons: never in the public view.
      {{"GET", "/api/v1/incidents/{id:incident_id}/comments", Permission::kReadInternal, {}, 0},
       &Api::list_comments},
      {{"POST",
        "/api/v1/incidents/{id:incident_id}/comments",
        Permission::kWriteComments,
        {},
        json},
       &Api::add_comment},
      {{"GET", "/api/v1/incidents/{id:incident_id}/evidence", Permission::kReadInternal, {}, 0},
       &Api::list_evidence},
      {{"POST",
        "/api/v1/incidents/{id:incident_id}/evidence",
        Permission::kAddEvidence,
        {"name"},
        options.max_evidence_bytes},
       &Api::add_evidence},
      {{"GET", "/api/v1/evidence/{sha256:sha256}", Permission::kReadInternal, {}, 0},
       &Api::get_evidence_file},
      {{"GET",
        "/api/v1/incidents/{id:incident_id}/evidence/{sha256:sha256}",
        Permission::kReadInternal,
        {},
        0},
       &Api::get_incident_evidence_file},
      {{"GET", "/api/v1/incidents/{id:incident_id}/persons", Permission::kReadNames, {}, 0},
       &Api::list_persons},
      {{"POST", "/api/v1/incidents/{id:incident_id}/persons", Permission::kRecordNames, {}, json},
       &Api::add_person},
  };
}

std::string_view bearer_token(std::string_view authorization) {
  constexpr std::string_view kScheme = "Bearer ";
  if (authorization.size() <= kScheme.size()) {
    return {};
  }
  for (std::size_t i = 0; i < kScheme.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(authorization[i])) !=
        std::tolower(static_cast<unsigned char>(kScheme[i]))) {
      return {};
    }
  }
  return authorization.substr(kScheme.size());
}

}  // namespace

Api::Api(ApiOptions options, std::vector<service::Monitor> monitors,
         std::optional<StaticFiles> static_files)
    : options_(std::move(options)),
      monitors_(std::move(monitors)),
      token_limiter_(options_.requests_per_second, options_.request_burst),
      login_limiter_(options_.logins_per_second, options_.login_burst),
      static_files_(std::move(static_files)) {
  for (auto& entry : route_table(options_)) {
    router_.add(std::move(entry.spec));
    endpoints_.push_back(entry.endpoint);
  }
}

Result<std::unique_ptr<Api>> Api::open(const ApiOptions& options) {
  std::optional<StaticFiles> static_files;
  if (!options.static_root.empty()) {
    auto opened = StaticFiles::open(options.static_root);
    if (!opened) {
      return std::move(opened).error();
    }
    static_files.emplace(std::move(opened).value());
  }
  std::vector<service::Monitor> monitors;
  int count = std::max(1, options.threads);
  for (int i = 0; i < count; ++i) {
    auto monitor = service::Monitor::open(options.database, storage::OpenMode::kOpenExisting);
    if (!monitor) {
      return std::move(monitor).error();
    }
    monitors.push_back(std::move(monitor).value());
  }
  return std::unique_ptr<Api>(new Api(options, std::move(monitors), std::move(static_files)));
}

std::optional<Response> Api::admit(Exchange& exchange) {
  std::string_view target = exchange.head.target;
  auto question = target.find('?');
  exchange.path = std::string(target.substr(0, question));
  auto matched = router_.match(exchange.head.method, exchange.path);
  if (auto* refused = std::get_if<Response>(&matched)) {
    // Outside the API's own paths, a GET with no route may name a static file.
    if (static_files_ && refused->status == 404 && exchange.head.method == "GET" &&
        !exchange.path.starts_with("/api/")) {
      if (exchange.head.has_body) {
        return problem(413, "payload_too_large", "GET of a static file takes no body");
      }
      return static_file(target);
    }
    return std::move(*refused);
  }
  auto& found = std::get<RouteMatch>(matched);
  exchange.route = found.route;
  exchange.path_parameters = std::move(found.parameters);
  const RouteSpec& spec = router_.spec(found.route);

  // Who is asking: a presented token must be valid, even where none is needed.
  if (spec.permission != Permission::kOpen && !exchange.head.authorization.empty()) {
    std::string_view token = bearer_token(exchange.head.authorization);
    auto& monitor = monitors_[static_cast<std::size_t>(exchange.worker)];
    auto principal = monitor.accounts().authenticate(token);
    if (!principal) {
      return problem_for(principal.error());
    }
    if (!*principal) {
      return problem(401, "unauthorized",
                     "the bearer token is malformed, unknown, expired or revoked");
    }
    exchange.principal = std::move(**principal);
  }
  Role role = exchange.principal ? exchange.principal->role : Role::kPublic;
  if (!allows(role, spec.permission)) {
    if (!exchange.principal) {
      return problem(401, "unauthorized",
                     "this request needs a bearer token (Authorization: Bearer trc_...)");
    }
    return problem(403, "forbidden",
                   "the role '" + std::string(to_string(role)) + "' may not " + spec.method + " " +
                       spec.pattern);
  }

  // Rate limits: per token, and logins per client address.
  int wait = 0;
  if (exchange.principal) {
    wait = token_limiter_.acquire(exchange.principal->token_hash);
  } else if (spec.permission == Permission::kLogin) {
    wait = login_limiter_.acquire(exchange.head.remote_address);
  }
  if (wait > 0) {
    Response response =
        problem(429, "rate_limited", "too many requests; retry in " + std::to_string(wait) + " s");
    response.headers.emplace_back("Retry-After", std::to_string(wait));
    return response;
  }

  if (exchange.head.has_body && spec.body_limit == 0) {
    return problem(413, "payload_too_large", spec.method + " " + spec.pattern + " takes no body");
  }
  if (exchange.head.content_length && *exchange.head.content_length > spec.body_limit) {
    return problem(413, "payload_too_large",
                   "the body has " + std::to_string(*exchange.head.content_length) +
                       " bytes; at most " + std::to_string(spec.body_limit) + " are accepted here");
  }
  exchange.body_limit = spec.body_limit;

  auto query = parse_query(question == std::string_view::npos ? std::string_view()
                                                              : target.substr(question + 1));
  if (!query) {
    return problem(400, "invalid_parameter", query.error().message, query.error().context);
  }
  for (const auto& [name, value] : *query) {
    if (std::find(spec.query.begin(), spec.query.end(), name) == spec.query.end()) {
      std::string accepted;
      for (const auto& known : spec.query) {
        accepted += (accepted.empty() ? "" : ", ") + known;
      }
      return problem(400, "unknown_parameter",
                     "query parameter '" + name + "' is not accepted here" +
                         (accepted.empty() ? std::string("; this resource takes none")
                                           : "; accepted: " + accepted),
                     name);
    }
  }
  exchange.query = std::move(query).value();
  return std::nullopt;
}

Response Api::handle(Exchange& exchange) {
  auto& monitor = monitors_[static_cast<std::size_t>(exchange.worker)];
  try {
    return (this->*endpoints_[static_cast<std::size_t>(exchange.route)])(exchange, monitor);
  } catch (const std::exception&) {
    // A bug; the client learns nothing about it but that it happened.
    return problem(500, "internal", "an internal error occurred");
  }
}

Response Api::refusal(int status, std::string_view code, std::string_view detail) {
  return problem(status, code, detail);
}

void Api::completed(const Exchange& exchange, int status) {
  std::string_view route =
      exchange.route >= 0 ? std::string_view(router_.spec(exchange.route).pattern) : "unmatched";
  double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - exchange.started).count();
  metrics_.record_request(route, status, seconds);
}

Response Api::static_file(std::string_view path) const {
  auto file = static_files_->read(path);
  if (!file) {
    switch (file.error().code) {
      case ErrorCode::kNotFound: return problem(404, "not_found", file.error().message);
      case ErrorCode::kInvalidInput: return problem(400, "invalid_path", file.error().message);
      default: return problem(500, "static_file_unreadable", file.error().message);
    }
  }
  Response response;
  response.content_type = std::move(file->content_type);
  response.body = std::move(file->body);
  response.headers.emplace_back("ETag", std::move(file->etag));
  response.headers.emplace_back("Cache-Control", "no-cache");
  response.headers.emplace_back("X-Content-Type-Options", "nosniff");
  return response;
}

Result<const service::Reader*> Api::reader() {
  std::lock_guard lock(reader_mutex_);
  if (!reader_) {
    auto loaded = service::Reader::load();
    if (!loaded) {
      return std::move(loaded).error();
    }
    reader_.emplace(std::move(loaded).value());
  }
  return &*reader_;
}

}  // namespace truce::http
