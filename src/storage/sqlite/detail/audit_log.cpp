#include "storage/sqlite/detail/audit_log.hpp"

#include <sodium.h>

#include <array>

namespace truce::storage::sqlite::detail {
namespace {

const std::string kGenesis(64, '0');

void add_field(crypto_hash_sha256_state& state, std::string_view field) {
  std::string length = std::to_string(field.size()) + ":";
  crypto_hash_sha256_update(&state, reinterpret_cast<const unsigned char*>(length.data()),
                            length.size());
  crypto_hash_sha256_update(&state, reinterpret_cast<const unsigned char*>(field.data()),
                            field.size());
}

constexpr std::string_view kColumns =
    "seq, at, actor, action, target, before, after, prev_hash, hash";

AuditEntry decode_entry(const Statement& row) {
  AuditEntry entry;
  entry.seq = row.int_at(0);
  entry.at = row.text_at(1);
  entry.record.actor = row.text_at(2);
  entry.record.action = row.text_at(3);
  entry.record.target = row.text_at(4);
  entry.record.before = row.text_at(5);
  entry.record.after = row.text_at(6);
  entry.prev_hash = row.text_at(7);
  entry.hash = row.text_at(8);
  return entry;
}

}  // namespace

std::string audit_entry_hash(const std::string& prev_hash, long long seq, const std::string& at,
                             const AuditRecord& record) {
  crypto_hash_sha256_state state;
  crypto_hash_sha256_init(&state);
  // Named: a temporary string inside the braced list would die before the loop reads it.
  const std::string seq_text = std::to_string(seq);
  for (std::string_view field : {std::string_view(prev_hash), std::string_view(seq_text),
                                 std::string_view(at), std::string_view(record.actor),
                                 std::string_view(record.action), std::string_view(record.target),
                                 std::string_view(record.before), std::string_view(record.after)}) {
    add_field(state, field);
  }
  std::array<unsigned char, crypto_hash_sha256_BYTES> digest{};
  crypto_hash_sha256_final(&state, digest.data());
  std::array<char, crypto_hash_sha256_BYTES * 2 + 1> hex{};
  sodium_bin2hex(hex.data(), hex.size(), digest.data(), digest.size());
  return {hex.data(), crypto_hash_sha256_BYTES * 2};
}

Status append_audit_entry(Connection& db, const AuditRecord& record) {
  long long seq = 1;
  std::string prev_hash = kGenesis;
  {
    auto last = db.statement("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1");
    if (!last) {
      return std::move(last).error();
    }
    auto row = (*last)->step();
    if (!row) {
      return std::move(row).error();
    }
    if (*row) {
      seq = (*last)->int_at(0) + 1;
      prev_hash = (*last)->text_at(1);
    }
  }
  std::string at;
  {
    auto now = db.statement("SELECT strftime('%Y-%m-%dT%H:%M:%SZ', 'now')");
    if (!now) {
      return std::move(now).error();
    }
    auto row = (*now)->step();
    if (!row) {
      return std::move(row).error();
    }
    at = (*now)->text_at(0);
  }
  return run_statement(
      db,
      "INSERT INTO audit_log (seq, at, actor, action, target, before, after, prev_hash, hash) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
      [&](Statement& s) {
        s.bind_int(1, seq);
        s.bind_text(2, at);
        s.bind_text(3, record.actor);
        s.bind_text(4, record.action);
        s.bind_text(5, record.target);
        s.bind_text(6, record.before);
        s.bind_text(7, record.after);
        s.bind_text(8, prev_hash);
        s.bind_text(9, audit_entry_hash(prev_hash, seq, at, record));
      });
}

Result<std::vector<AuditEntry>> read_audit_entries(Connection& db, long long after_seq, int limit) {
  auto statement = db.statement("SELECT " + std::string(kColumns) +
                                " FROM audit_log WHERE seq > ?1 ORDER BY seq LIMIT ?2");
  if (!statement) {
    return std::move(statement).error();
  }
  (*statement)->bind_int(1, after_seq);
  (*statement)->bind_int(2, limit);
  std::vector<AuditEntry> entries;
  const Status walked =
      for_each_row(*statement, [&] { entries.push_back(decode_entry(**statement)); });
  if (!walked) {
    return walked.error();
  }
  return entries;
}

Result<AuditCheck> check_audit_chain(Connection& db) {
  // seq is the rowid, so this is the order the entries were written in; a
  // reordering shows as a sequence gap, a broken link or a hash mismatch.
  auto statement =
      db.statement("SELECT " + std::string(kColumns) + " FROM audit_log ORDER BY rowid");
  if (!statement) {
    return std::move(statement).error();
  }
  AuditCheck check;
  std::string expected_prev = kGenesis;
  long long expected_seq = 1;
  const Status walked = for_each_row(*statement, [&] {
    AuditEntry entry = decode_entry(**statement);
    ++check.entries;
    check.head_hash = entry.hash;
    if (check.broken) {
      return;  // past the first break, only counted
    }
    std::string problem;
    if (entry.seq != expected_seq) {
      problem = "sequence number " + std::to_string(entry.seq) + " where " +
                std::to_string(expected_seq) + " was expected (an entry was deleted or moved)";
    } else if (entry.prev_hash != expected_prev) {
      problem =
          "its previous-entry hash does not match the entry before it (an entry was "
          "deleted, inserted or reordered)";
    } else if (entry.hash != audit_entry_hash(entry.prev_hash, entry.seq, entry.at, entry.record)) {
      problem = "its contents do not match its hash (the entry was edited)";
    }
    if (!problem.empty()) {
      check.broken = entry.seq;
      check.problem = std::move(problem);
    }
    expected_prev = entry.hash;
    expected_seq = entry.seq + 1;
  });
  if (!walked) {
    return walked.error();
  }
  return check;
}

}  // namespace truce::storage::sqlite::detail
