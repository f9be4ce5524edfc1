// Users, API tokens, login sessions and the audit log, over a Store. The
// HTTP server authenticates every request here; `truce user` and `truce
// audit` call the same functions.
//
// Secrets: an API token is "trc_" + 64 hex digits (256 bits from libsodium's
// randombytes) and is shown once; only its SHA-256 is stored. Passwords are
// hashed with Argon2id (crypto_pwhash_str, libsodium's interactive costs).
// Every write appends an audit entry in the same transaction.
//
// Thread-safety: as the Store it borrows; one Accounts per thread.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/access.hpp"
#include "core/result.hpp"
#include "storage/store.hpp"

namespace truce::service {

// Who a valid token belongs to.
struct Principal {
  std::string name;
  Role role = Role::kPublic;
  std::optional<std::string> affiliation;
  std::string token_hash;
  storage::TokenKind kind = storage::TokenKind::kApi;
  std::string actor() const { return "user:" + name; }
};

struct NewUser {
  std::string name;  // a slug: lowercase letters, digits, '-', '_', '.'
  Role role = Role::kAnalyst;
  std::optional<std::string> affiliation;  // actor id; monitors and liaison officers need one
  std::optional<std::string> password;     // absent: API tokens only
};

struct Session {
  std::string token;       // shown once
  std::string expires_at;  // UTC "YYYY-MM-DDTHH:MM:SSZ"
};

class Accounts final {
 public:
  explicit Accounts(storage::Store& store) : store_(&store) {}

  // kInvalidInput for a bad name, the public role, a missing or unexpected
  // affiliation, a password shorter than 12 characters; kConflict for a taken name.
  Result<storage::User> add_user(const NewUser& user, std::string_view actor);
  Result<std::vector<storage::User>> users() const;

  // A new API token for the user (kNotFound if absent); the only time it is shown.
  Result<std::string> issue_token(std::string_view name, std::string_view actor);

  // nullopt: unknown, revoked or expired token, or a disabled user.
  Result<std::optional<Principal>> authenticate(std::string_view token) const;

  // nullopt: wrong name or password (refusals are audited too).
  Result<std::optional<Session>> login(std::string_view name, std::string_view password,
                                       std::chrono::seconds lifetime);
  Status logout(const Principal& principal);

  Result<std::vector<storage::AuditEntry>> audit_entries(long long after_seq, int limit) const;
  Result<storage::AuditCheck> verify_audit() const;

 private:
  storage::Store* store_;
};

// UTC now as "YYYY-MM-DDTHH:MM:SSZ", `offset` from now.
std::string utc_timestamp(std::chrono::seconds offset = std::chrono::seconds(0));

// Hex SHA-256 of a token: what the store keeps.
std::string token_hash(std::string_view token);

}  // namespace truce::service
