-- Migration 4: incidents (groups of claims about one event, docs/fusion.md),
-- why each claim belongs to its incident, the claims linked to an incident
-- without being part of it, the analysts' decisions that constrain the
-- grouping, and the history of every incident. Reconciled figures and grades
-- are computed from the members when shown, so they follow the current
-- source ratings and are not stored. Conventions as in migration 1.

CREATE TABLE incidents (
  id TEXT PRIMARY KEY,              -- "inc_" + the digits of the smallest member claim id
  start_key TEXT NOT NULL,          -- earliest member interval start (interval_start_key)
  end_key TEXT NOT NULL,            -- latest member interval end
  updated_at TEXT NOT NULL          -- UTC "YYYY-MM-DDTHH:MM:SSZ"
) STRICT;

CREATE INDEX incidents_by_time ON incidents (start_key, end_key);

-- The features a member matched, against which other member; or the decision
-- that put it there. A claim is a member of at most one incident.
CREATE TABLE incident_members (
  incident_id TEXT NOT NULL REFERENCES incidents (id) ON DELETE CASCADE,
  claim_id TEXT NOT NULL UNIQUE REFERENCES claims (id),
  matched_with TEXT NOT NULL,       -- '' for a claim alone in its incident
  time_gap_hours REAL NOT NULL,
  distance_km REAL,                 -- NULL: a place without geometry on either side
  place_rule TEXT NOT NULL,
  type_rule TEXT NOT NULL,
  actor_rule TEXT NOT NULL,
  score REAL NOT NULL,
  decision INTEGER,                 -- analyst_decisions.sequence, when a decision placed it
  PRIMARY KEY (incident_id, claim_id)
) STRICT;

-- Claims about an incident that are not part of it: kind ended_by, a
-- de-escalation or ceasefire that ended it.
CREATE TABLE incident_links (
  incident_id TEXT NOT NULL REFERENCES incidents (id) ON DELETE CASCADE,
  claim_id TEXT NOT NULL REFERENCES claims (id),
  kind TEXT NOT NULL,
  matched_with TEXT NOT NULL,
  time_gap_hours REAL NOT NULL,
  distance_km REAL,
  place_rule TEXT NOT NULL,
  type_rule TEXT NOT NULL,
  actor_rule TEXT NOT NULL,
  score REAL NOT NULL,
  PRIMARY KEY (incident_id, claim_id, kind)
) STRICT;

CREATE INDEX incident_links_by_claim ON incident_links (claim_id);

-- Analysts' decisions (merge, split, attach, detach): who, when, why, and the
-- pair constraints they amount to. Never deleted: a later decision on the same
-- pair of claims takes precedence.
CREATE TABLE analyst_decisions (
  sequence INTEGER PRIMARY KEY,
  kind TEXT NOT NULL,               -- merge, split, attach, detach
  incident_id TEXT NOT NULL,
  other_incident_id TEXT,           -- merge: the second incident
  decided_by TEXT NOT NULL,
  reason TEXT NOT NULL,
  decided_at TEXT NOT NULL          -- UTC "YYYY-MM-DDTHH:MM:SSZ"
) STRICT;

CREATE TABLE analyst_decision_claims (
  decision INTEGER NOT NULL REFERENCES analyst_decisions (sequence),
  position INTEGER NOT NULL,
  claim_id TEXT NOT NULL,
  PRIMARY KEY (decision, position)
) STRICT, WITHOUT ROWID;

CREATE TABLE decision_constraints (
  decision INTEGER NOT NULL REFERENCES analyst_decisions (sequence),
  claim_a TEXT NOT NULL,            -- claim_a < claim_b
  claim_b TEXT NOT NULL,
  must_link INTEGER NOT NULL CHECK (must_link IN (0, 1)),
  PRIMARY KEY (decision, claim_a, claim_b)
) STRICT, WITHOUT ROWID;

CREATE INDEX decision_constraints_by_a ON decision_constraints (claim_a);
CREATE INDEX decision_constraints_by_b ON decision_constraints (claim_b);

-- What happened to each incident, in order; kept when an incident is retired
-- (merged into another or emptied), so an old id can still be explained.
CREATE TABLE incident_history (
  sequence INTEGER PRIMARY KEY,
  incident_id TEXT NOT NULL,
  at TEXT NOT NULL,                 -- UTC "YYYY-MM-DDTHH:MM:SSZ"
  what TEXT NOT NULL,
  detail TEXT NOT NULL
) STRICT;

CREATE INDEX incident_history_by_incident ON incident_history (incident_id, sequence);
