#include "service/accounts.hpp"

#include <sodium.h>

#include <array>
#include <ctime>
#include <nlohmann/json.hpp>

#include "core/ids.hpp"

namespace truce::service {
namespace {

using Json = nlohmann::ordered_json;

constexpr std::size_t kTokenBytes = 32;  // 256 bits
constexpr std::size_t kMinPasswordLength = 12;
constexpr std::string_view kTokenPrefix = "trc_";

bool sodium_ready() {
  static const bool ready = sodium_init() >= 0;
  return ready;
}

Error sodium_failure(std::string_view what) {
  return make_error(ErrorCode::kInternal, "libsodium could not " + std::string(what),
                    "service.accounts");
}

Error invalid(std::string message) {
  return make_error(ErrorCode::kInvalidInput, std::move(message), "service.accounts");
}

Json user_json(const storage::User& user) {
  Json value = Json::object();
  value["name"] = user.name;
  value["role"] = user.role;
  value["affiliation"] = user.affiliation ? Json(*user.affiliation) : Json(nullptr);
  value["password"] = user.password_hash.has_value();
  value["disabled"] = user.disabled;
  return value;
}

Result<std::string> new_token() {
  if (!sodium_ready()) {
    return sodium_failure("start");
  }
  std::array<unsigned char, kTokenBytes> bytes{};
  randombytes_buf(bytes.data(), bytes.size());
  std::array<char, kTokenBytes * 2 + 1> hex{};
  sodium_bin2hex(hex.data(), hex.size(), bytes.data(), bytes.size());
  sodium_memzero(bytes.data(), bytes.size());
  return std::string(kTokenPrefix) + std::string(hex.data(), kTokenBytes * 2);
}

// The first characters of a token's hash name it in the audit log without
// revealing anything usable.
std::string token_label(const std::string& hash) {
  return "token:" + hash.substr(0, 12);
}

}  // namespace

std::string utc_timestamp(std::chrono::seconds offset) {
  std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now() + offset);
  std::tm parts{};
  gmtime_r(&now, &parts);
  std::array<char, 32> text{};
  std::size_t length = std::strftime(text.data(), text.size(), "%Y-%m-%dT%H:%M:%SZ", &parts);
  return {text.data(), length};
}

std::string token_hash(std::string_view token) {
  std::array<unsigned char, crypto_hash_sha256_BYTES> digest{};
  crypto_hash_sha256(digest.data(), reinterpret_cast<const unsigned char*>(token.data()),
                     token.size());
  std::array<char, crypto_hash_sha256_BYTES * 2 + 1> hex{};
  sodium_bin2hex(hex.data(), hex.size(), digest.data(), digest.size());
  return {hex.data(), crypto_hash_sha256_BYTES * 2};
}

Result<storage::User> Accounts::add_user(const NewUser& user, std::string_view actor) {
  if (!is_valid_slug(user.name)) {
    return invalid("user name '" + user.name +
                   "' is not a slug (lowercase letters, digits and '-', at most 64 characters)");
  }
  if (user.role == Role::kPublic) {
    return invalid("'public' is the role of requests without a token, not of a user");
  }
  if (role_needs_affiliation(user.role) && !user.affiliation) {
    return invalid("a " + std::string(to_string(user.role)) +
                   " acts for one member or party: give --affiliation ACTOR");
  }
  if (!role_needs_affiliation(user.role) && user.affiliation) {
    return invalid("a " + std::string(to_string(user.role)) + " has no affiliation");
  }
  if (user.affiliation && !is_valid_slug(*user.affiliation)) {
    return invalid("affiliation '" + *user.affiliation + "' is not an actor id (a slug)");
  }
  storage::User record;
  record.name = user.name;
  record.role = std::string(to_string(user.role));
  record.affiliation = user.affiliation;
  record.created_at = utc_timestamp();
  if (user.password) {
    if (user.password->size() < kMinPasswordLength) {
      return invalid("the password is shorter than " + std::to_string(kMinPasswordLength) +
                     " characters");
    }
    if (!sodium_ready()) {
      return sodium_failure("start");
    }
    std::array<char, crypto_pwhash_STRBYTES> hashed{};
    if (crypto_pwhash_str(hashed.data(), user.password->data(), user.password->size(),
                          crypto_pwhash_OPSLIMIT_INTERACTIVE,
                          crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0) {
      return sodium_failure("hash the password (out of memory)");
    }
    record.password_hash = std::string(hashed.data());
  }
  storage::AuditRecord audit{std::string(actor), "user.add", "user:" + user.name, "null",
                             user_json(record).dump()};
  return store_->add_user(record, audit);
}

Result<std::vector<storage::User>> Accounts::users() const {
  return store_->list_users();
}

Result<std::string> Accounts::issue_token(std::string_view name, std::string_view actor) {
  auto user = store_->find_user(name);
  if (!user) {
    return std::move(user).error();
  }
  auto token = new_token();
  if (!token) {
    return token;
  }
  storage::TokenRecord record;
  record.token_hash = token_hash(*token);
  record.user_id = user->id;
  record.kind = storage::TokenKind::kApi;
  record.created_at = utc_timestamp();
  Json after = {{"user", user->name}, {"kind", "api"}, {"token", token_label(record.token_hash)}};
  storage::AuditRecord audit{std::string(actor), "token.issue", "user:" + user->name, "null",
                             after.dump()};
  auto added = store_->add_token(record, audit);
  if (!added) {
    return added.error();
  }
  return token;
}

Result<std::optional<Principal>> Accounts::authenticate(std::string_view token) const {
  // The shape first: anything else cannot be a token, and hashing it is wasted work.
  if (token.size() != kTokenPrefix.size() + kTokenBytes * 2 || token.substr(0, 4) != kTokenPrefix) {
    return std::optional<Principal>();
  }
  auto found = store_->find_token(token_hash(token));
  if (!found) {
    if (found.error().code == ErrorCode::kNotFound) {
      return std::optional<Principal>();
    }
    return std::move(found).error();
  }
  const auto& [record, user] = *found;
  if (record.revoked_at || user.disabled ||
      (record.expires_at && *record.expires_at <= utc_timestamp())) {
    return std::optional<Principal>();
  }
  auto role = parse_role(user.role);
  if (!role || *role == Role::kPublic) {
    return make_error(ErrorCode::kDataCorruption,
                      "user '" + user.name + "' has the unknown role '" + user.role + "'",
                      "service.accounts: authenticate");
  }
  return std::optional<Principal>(
      Principal{user.name, *role, user.affiliation, record.token_hash, record.kind});
}

Result<std::optional<Session>> Accounts::login(std::string_view name, std::string_view password,
                                               std::chrono::seconds lifetime) {
  if (!sodium_ready()) {
    return sodium_failure("start");
  }
  auto user = store_->find_user(name);
  if (!user && user.error().code != ErrorCode::kNotFound) {
    return std::move(user).error();
  }
  bool accepted =
      user && !user->disabled && user->password_hash &&
      crypto_pwhash_str_verify(user->password_hash->c_str(), password.data(), password.size()) == 0;
  if (!accepted) {
    // The name is recorded as given: repeated refusals show a guessing attempt.
    Json after = {{"accepted", false}};
    auto audited = store_->append_audit(
        {"anonymous", "login.refused", "user:" + std::string(name), "null", after.dump()});
    if (!audited) {
      return audited.error();
    }
    return std::optional<Session>();
  }
  auto token = new_token();
  if (!token) {
    return std::move(token).error();
  }
  storage::TokenRecord record;
  record.token_hash = token_hash(*token);
  record.user_id = user->id;
  record.kind = storage::TokenKind::kSession;
  record.created_at = utc_timestamp();
  record.expires_at = utc_timestamp(lifetime);
  Json after = {{"session", token_label(record.token_hash)}, {"expires_at", *record.expires_at}};
  auto added = store_->add_token(
      record, {"user:" + user->name, "login", "user:" + user->name, "null", after.dump()});
  if (!added) {
    return added.error();
  }
  return std::optional<Session>(Session{std::move(token).value(), *record.expires_at});
}

Status Accounts::logout(const Principal& principal) {
  Json before = {{"session", token_label(principal.token_hash)}, {"revoked", false}};
  Json after = {{"session", token_label(principal.token_hash)}, {"revoked", true}};
  return store_->revoke_token(
      principal.token_hash, utc_timestamp(),
      {principal.actor(), "logout", "user:" + principal.name, before.dump(), after.dump()});
}

Result<std::vector<storage::AuditEntry>> Accounts::audit_entries(long long after_seq,
                                                                 int limit) const {
  return store_->audit_entries(after_seq, limit);
}

Result<storage::AuditCheck> Accounts::verify_audit() const {
  return store_->verify_audit();
}

}  // namespace truce::service
