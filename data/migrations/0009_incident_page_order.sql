-- Migration 7: a page of the incident listing reads about `limit` index
-- entries whatever its filters ask for. Pages are ordered by (start_key,
-- incident_id); every filter is now tested inside an index kept in that
-- order, so skipping a row that fails costs an index entry, not a table
-- row, and a `since` seeks instead of scanning from the first incident
-- (docs/api.md, "Incidents"; bench/RESULTS.md, incidents_bench).
-- Conventions as in migration 1.

-- The verification state and publication of the incident, copied from
-- incident_reviews by the triggers below, so the listing tests them without
-- joining every row to its review.
ALTER TABLE incident_summaries ADD COLUMN state TEXT NOT NULL DEFAULT 'unverified'
  CHECK (state IN ('unverified', 'under_review', 'signed_off', 'verified', 'refuted'));
ALTER TABLE incident_summaries ADD COLUMN published INTEGER NOT NULL DEFAULT 0
  CHECK (published IN (0, 1));

UPDATE incident_summaries
  SET (state, published) = (SELECT r.state, r.published FROM incident_reviews AS r
                            WHERE r.incident_id = incident_summaries.incident_id)
  WHERE incident_id IN (SELECT incident_id FROM incident_reviews);

-- The start order carries every column a filter tests (the box included).
DROP INDEX incident_summaries_by_start;
CREATE INDEX incident_summaries_by_start
  ON incident_summaries (start_key, incident_id, end_key, attribution, evidence, state, published,
                         min_lon, max_lon, min_lat, max_lat);

-- The tags become lists in page order: one row per (kind, value, incident),
-- keyed by the incident's start and id, with a copy of the filtered columns
-- of its summary row. A page with a tag filter reads the tag's rows in
-- order and tests the other filters there. The copy is written with the tag
-- (as a SELECT from the summary row) and follows the review by trigger; a
-- summary row is never changed in place otherwise (it is replaced).
CREATE TABLE incident_tags_in_order (
  kind TEXT NOT NULL CHECK (kind IN ('event_type', 'actor', 'theatre')),
  value TEXT NOT NULL,
  start_key TEXT NOT NULL,
  incident_id TEXT NOT NULL,
  summary_key INTEGER NOT NULL REFERENCES incident_summaries (summary_key) ON DELETE CASCADE,
  end_key TEXT NOT NULL,
  attribution TEXT NOT NULL,
  evidence TEXT NOT NULL,
  state TEXT NOT NULL,
  published INTEGER NOT NULL,
  min_lon REAL,
  max_lon REAL,
  min_lat REAL,
  max_lat REAL,
  PRIMARY KEY (kind, value, start_key, incident_id)
) STRICT, WITHOUT ROWID;

INSERT INTO incident_tags_in_order
  SELECT t.kind, t.value, s.start_key, s.incident_id, s.summary_key, s.end_key, s.attribution,
         s.evidence, s.state, s.published, s.min_lon, s.max_lon, s.min_lat, s.max_lat
  FROM incident_tags AS t JOIN incident_summaries AS s ON s.summary_key = t.summary_key;

DROP TABLE incident_tags;
ALTER TABLE incident_tags_in_order RENAME TO incident_tags;

-- A second tag filter probes this one per candidate row.
CREATE UNIQUE INDEX incident_tags_by_summary ON incident_tags (summary_key, kind, value);

CREATE TRIGGER incident_summaries_take_review AFTER INSERT ON incident_summaries
  WHEN EXISTS (SELECT 1 FROM incident_reviews WHERE incident_id = new.incident_id)
BEGIN
  UPDATE incident_summaries
    SET (state, published) = (SELECT state, published FROM incident_reviews
                              WHERE incident_id = new.incident_id)
    WHERE summary_key = new.summary_key;
END;

CREATE TRIGGER incident_summaries_review_changed
  AFTER UPDATE OF state, published ON incident_summaries
BEGIN
  UPDATE incident_tags SET state = new.state, published = new.published
    WHERE summary_key = new.summary_key;
END;

CREATE TRIGGER incident_reviews_added AFTER INSERT ON incident_reviews
BEGIN
  UPDATE incident_summaries SET state = new.state, published = new.published
    WHERE incident_id = new.incident_id;
END;

CREATE TRIGGER incident_reviews_changed AFTER UPDATE ON incident_reviews
BEGIN
  UPDATE incident_summaries SET state = 'unverified', published = 0
    WHERE incident_id = old.incident_id AND old.incident_id <> new.incident_id;
  UPDATE incident_summaries SET state = new.state, published = new.published
    WHERE incident_id = new.incident_id;
END;

CREATE TRIGGER incident_reviews_removed AFTER DELETE ON incident_reviews
BEGIN
  UPDATE incident_summaries SET state = 'unverified', published = 0
    WHERE incident_id = old.incident_id;
END;

-- The longest span (end minus start, in seconds) of any summarised incident.
-- An incident touches a window when it ends at or after `since`; it then
-- starts no earlier than `since` minus this span, which bounds the start
-- order from below. It only grows: when the longest incident goes, the
-- bound is wider than it need be, never narrower. A key that is not a
-- date-time (truce writes none) counts as 10,000 years: the bound then
-- falls before every key, as if there were none.
CREATE TABLE incident_summary_spans (
  singleton INTEGER PRIMARY KEY CHECK (singleton = 1),
  longest_seconds INTEGER NOT NULL
) STRICT;

INSERT INTO incident_summary_spans (singleton, longest_seconds)
  SELECT 1, coalesce(max(coalesce(unixepoch(end_key) - unixepoch(start_key), 315576000000)), 0)
  FROM incident_summaries;

CREATE TRIGGER incident_summaries_span AFTER INSERT ON incident_summaries
BEGIN
  UPDATE incident_summary_spans
    SET longest_seconds = max(longest_seconds,
                              coalesce(unixepoch(new.end_key) - unixepoch(new.start_key),
                                       315576000000));
END;

CREATE TRIGGER incident_summaries_span_changed
  AFTER UPDATE OF start_key, end_key ON incident_summaries
BEGIN
  UPDATE incident_summary_spans
    SET longest_seconds = max(longest_seconds,
                              coalesce(unixepoch(new.end_key) - unixepoch(new.start_key),
                                       315576000000));
END;
