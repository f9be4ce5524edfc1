-- Migration 6: what a listing of incidents shows and filters on, stored per
-- incident so a page is read from indexed rows instead of being recomputed
-- from every member claim; and what the monitoring centre decides about an
-- incident: whether it is published, its joint verification and the members'
-- sign-offs. Conventions as in migration 1.

-- One row per incident, written by the service after the incident changes
-- (docs/api.md, "Incidents"). The row goes with its incident (ON DELETE
-- CASCADE): an incident that is regrouped or retired loses its summary, and
-- the service writes a new one. Grades and figures follow the source ratings
-- at the time the summary was written.
CREATE TABLE incident_summaries (
  summary_key INTEGER PRIMARY KEY,  -- the key of incident_boxes and incident_tags
  incident_id TEXT NOT NULL UNIQUE REFERENCES incidents (id) ON DELETE CASCADE,
  start_key TEXT NOT NULL,          -- as incidents.start_key
  end_key TEXT NOT NULL,
  min_lon REAL,                     -- the box of the members' geometries; NULL: none has one
  min_lat REAL,
  max_lon REAL,
  max_lat REAL,
  attribution TEXT NOT NULL,        -- agreed, one_sided, contested, undetermined
  evidence TEXT NOT NULL,           -- single_source, corroborated, contested, discounted
  summary TEXT NOT NULL,            -- the JSON object of the incident in a listing
  public_summary TEXT NOT NULL,     -- the same without what the public view leaves out
  summarised_at TEXT NOT NULL       -- UTC "YYYY-MM-DDTHH:MM:SSZ"
) STRICT;

-- Pages are read along this index (start, then id); it carries the columns
-- the cheap filters test, so rows that fail them are skipped in the index.
CREATE INDEX incident_summaries_by_start
  ON incident_summaries (start_key, incident_id, end_key, attribution, evidence);
CREATE INDEX incident_summaries_by_end ON incident_summaries (end_key);
CREATE INDEX incident_summaries_by_attribution
  ON incident_summaries (attribution, start_key, incident_id);
CREATE INDEX incident_summaries_by_evidence ON incident_summaries (evidence, start_key, incident_id);

CREATE VIRTUAL TABLE incident_boxes USING rtree (summary_key, min_lon, max_lon, min_lat, max_lat);

CREATE TRIGGER incident_summaries_drop_box AFTER DELETE ON incident_summaries
BEGIN
  DELETE FROM incident_boxes WHERE summary_key = old.summary_key;
END;

-- The many-valued filters: kind event_type (of any member), actor (any role
-- in any member) and theatre (a theatre feature of the registry that holds
-- the incident's place).
CREATE TABLE incident_tags (
  kind TEXT NOT NULL CHECK (kind IN ('event_type', 'actor', 'theatre')),
  value TEXT NOT NULL,
  summary_key INTEGER NOT NULL REFERENCES incident_summaries (summary_key) ON DELETE CASCADE,
  PRIMARY KEY (kind, value, summary_key)
) STRICT, WITHOUT ROWID;

CREATE INDEX incident_tags_by_summary ON incident_tags (summary_key);

-- The centre's decisions about an incident, keyed by incident id without a
-- foreign key: an incident that is regrouped under the same id keeps them.
-- An incident without a row is unpublished and unverified.
CREATE TABLE incident_reviews (
  incident_id TEXT PRIMARY KEY,
  published INTEGER NOT NULL DEFAULT 0 CHECK (published IN (0, 1)),
  state TEXT NOT NULL DEFAULT 'unverified'
    CHECK (state IN ('unverified', 'under_review', 'signed_off', 'verified', 'refuted')),
  agreement_id TEXT,                -- the monitoring mechanism: agreement and provision
  provision_id TEXT,
  opened_by TEXT,                   -- who opened the review
  updated_at TEXT NOT NULL
) STRICT;

CREATE INDEX incident_reviews_by_state ON incident_reviews (state, incident_id);
CREATE INDEX incident_reviews_published ON incident_reviews (published, incident_id);

-- One sign-off per member of the mechanism and review round; a member signs
-- through a monitor affiliated to it.
CREATE TABLE incident_signoffs (
  incident_id TEXT NOT NULL,
  member TEXT NOT NULL,             -- actor id of the mechanism's member
  verdict TEXT NOT NULL CHECK (verdict IN ('verified', 'refuted')),
  signed_by TEXT NOT NULL,          -- user name
  note TEXT NOT NULL,
  signed_at TEXT NOT NULL,
  PRIMARY KEY (incident_id, member)
) STRICT, WITHOUT ROWID;
