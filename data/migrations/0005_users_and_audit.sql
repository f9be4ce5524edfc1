-- Migration 5: users, their API tokens and login sessions, and the audit log.
--
-- Secrets are never stored: a password is kept as its Argon2id string
-- (libsodium crypto_pwhash_str, which carries its own salt and costs), a token
-- as the hex SHA-256 of the token. Times are UTC "YYYY-MM-DDTHH:MM:SSZ".

CREATE TABLE users (
  user_id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  role TEXT NOT NULL,               -- admin, operator, monitor, liaison, analyst
  affiliation TEXT,                 -- actor id; NULL: none
  password_hash TEXT,               -- NULL: no password, tokens only
  created_at TEXT NOT NULL,
  disabled INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1))
) STRICT;

-- kind 'api': a long-lived token from `truce user token`; 'session': from a
-- login, with an expiry. A revoked token keeps its row, so the audit log's
-- references to it stay meaningful.
CREATE TABLE tokens (
  token_hash TEXT PRIMARY KEY NOT NULL,
  user_id INTEGER NOT NULL REFERENCES users (user_id),
  kind TEXT NOT NULL CHECK (kind IN ('api', 'session')),
  created_at TEXT NOT NULL,
  expires_at TEXT,                  -- NULL: no expiry
  revoked_at TEXT
) STRICT, WITHOUT ROWID;
CREATE INDEX tokens_by_user ON tokens (user_id);

-- Append-only and hash-chained: hash = SHA-256 over the previous entry's hash
-- and this entry's fields (see storage/sqlite/detail/audit_log.cpp), so an
-- edited, deleted or reordered entry breaks the chain at that entry. The
-- triggers stop accidental changes through SQL; the chain detects deliberate ones.
CREATE TABLE audit_log (
  seq INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  actor TEXT NOT NULL,              -- "user:NAME", "cli", "anonymous"
  action TEXT NOT NULL,             -- "ingest", "user.add", "token.issue", "login"...
  target TEXT NOT NULL,
  before TEXT NOT NULL,             -- JSON; "null" when nothing was there
  after TEXT NOT NULL,              -- JSON
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL
) STRICT;

CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN
  SELECT RAISE(ABORT, 'the audit log is append-only');
END;

CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN
  SELECT RAISE(ABORT, 'the audit log is append-only');
END;
