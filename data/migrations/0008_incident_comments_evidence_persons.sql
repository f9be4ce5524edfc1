-- Migration 7: what the centre keeps about an incident beside its claims:
-- internal comments, evidence files (stored once by their SHA-256, whatever
-- incidents they are attached to) and the people named as killed, wounded,
-- captured or missing. None of it is ever in the public view (docs/api.md,
-- "Comments, evidence and personal names"). Rows are keyed by incident id
-- without a foreign key, as incident_reviews are: an incident regrouped
-- under the same id keeps them. Conventions as in migration 1.

CREATE TABLE incident_comments (
  comment_id INTEGER PRIMARY KEY,
  incident_id TEXT NOT NULL,
  author TEXT NOT NULL,             -- user name, or "cli"
  created_at TEXT NOT NULL,         -- UTC "YYYY-MM-DDTHH:MM:SSZ"
  body TEXT NOT NULL
) STRICT;

CREATE INDEX incident_comments_by_incident ON incident_comments (incident_id, comment_id);

-- The bytes of every evidence file once, by the hex SHA-256 of the bytes; the
-- hash is checked again on every read. media_type is the one given when the
-- file was first stored.
CREATE TABLE evidence_files (
  sha256 TEXT PRIMARY KEY NOT NULL CHECK (length(sha256) = 64),
  media_type TEXT NOT NULL,
  size INTEGER NOT NULL CHECK (size > 0),
  content BLOB NOT NULL,
  stored_at TEXT NOT NULL
) STRICT;

-- Which file is attached to which incident, under what name, by whom; a file
-- is attached to an incident once.
CREATE TABLE incident_evidence (
  attachment_id INTEGER PRIMARY KEY,
  incident_id TEXT NOT NULL,
  sha256 TEXT NOT NULL REFERENCES evidence_files (sha256),
  name TEXT NOT NULL,
  added_by TEXT NOT NULL,
  added_at TEXT NOT NULL,
  UNIQUE (incident_id, sha256)
) STRICT;

CREATE INDEX incident_evidence_by_file ON incident_evidence (sha256);

-- People named as killed, wounded, captured or missing in an incident:
-- personal data, shown only to the roles that need it, every read on the
-- audit log. side is a casualty side as claims give it ("armenia" for a
-- party's combatants, "civilians" or "civilians:armenia"). The claim,
-- document and span say where the name was read, when it was.
CREATE TABLE incident_persons (
  person_id INTEGER PRIMARY KEY,
  incident_id TEXT NOT NULL,
  name TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('killed', 'wounded', 'captured', 'missing')),
  side TEXT NOT NULL,
  claim_id TEXT REFERENCES claims (id),
  document_id TEXT REFERENCES documents (id),
  span_start INTEGER,               -- code points of the document's text, [start, end)
  span_end INTEGER,
  recorded_by TEXT NOT NULL,
  recorded_at TEXT NOT NULL,
  CHECK ((span_start IS NULL) = (span_end IS NULL)),
  CHECK (span_start IS NULL OR (document_id IS NOT NULL AND span_start < span_end))
) STRICT;

CREATE INDEX incident_persons_by_incident ON incident_persons (incident_id, person_id);
