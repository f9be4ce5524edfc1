-- Migration 1: sources, documents and claims, with the child tables a claim
-- needs, the time indexes and the R*Tree on claim locations.
--
-- Conventions for every migration file: it runs inside the migration runner's
-- transaction (so it must not BEGIN or COMMIT itself); enum values are stored
-- as the words of core/vocabulary (readable with the sqlite3 shell); doubles
-- are REAL so coordinates round-trip exactly; optional values are NULL.

CREATE TABLE sources (
  id TEXT PRIMARY KEY NOT NULL,
  name TEXT NOT NULL,
  reliability TEXT NOT NULL,        -- Admiralty code "A" ... "F"
  affiliation_kind TEXT NOT NULL,   -- party, co_chair, mission, neutral
  affiliation_actor_id TEXT,        -- NULL: no actor named
  affiliation_actor_name TEXT,
  url TEXT NOT NULL
) STRICT;

CREATE TABLE documents (
  id TEXT PRIMARY KEY NOT NULL,
  source_id TEXT NOT NULL REFERENCES sources (id),
  kind TEXT NOT NULL,
  title TEXT NOT NULL,
  language TEXT NOT NULL,
  published TEXT,                   -- civil time "YYYY-MM-DD[THH:MM[:SS]]"; NULL: not stated
  url TEXT NOT NULL,
  external_ref TEXT NOT NULL,
  text TEXT NOT NULL,
  content_hash TEXT NOT NULL
) STRICT;
CREATE INDEX documents_by_source ON documents (source_id);

-- The origin chain: publisher first (position 0), then originating agencies.
CREATE TABLE document_origins (
  document_id TEXT NOT NULL REFERENCES documents (id),
  position INTEGER NOT NULL,
  agency TEXT NOT NULL,
  PRIMARY KEY (document_id, position)
) STRICT, WITHOUT ROWID;

-- claim_key is the integer rowid the R*Tree and the child tables refer to;
-- id is the public, content-derived claim id.
CREATE TABLE claims (
  claim_key INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  document_id TEXT NOT NULL REFERENCES documents (id),
  claimant_id TEXT NOT NULL,
  claimant_name TEXT NOT NULL,
  event_type TEXT NOT NULL,
  time_start TEXT NOT NULL,         -- civil time as given
  time_end TEXT NOT NULL,
  time_precision TEXT NOT NULL,
  timezone TEXT NOT NULL,
  start_key TEXT NOT NULL,          -- interval_start_key: window queries and order
  end_key TEXT NOT NULL,            -- interval_end_key
  place_name TEXT,                  -- place_* are NULL when the claim has no place
  place_precision INTEGER,          -- UCDP where_prec 1-7
  place_country TEXT,
  place_admin1 TEXT,
  geometry_type TEXT,               -- NULL: no geometry; points in claim_coordinates
  min_lon REAL,                     -- exact bounding box of the geometry
  min_lat REAL,
  max_lon REAL,
  max_lat REAL,
  perpetrator_id TEXT,
  perpetrator_name TEXT,
  target_id TEXT,
  target_name TEXT,
  violations_min INTEGER,           -- *_min NULL: not counted; *_max NULL: open-ended
  violations_max INTEGER,
  explosions_min INTEGER,
  explosions_max INTEGER,
  credibility INTEGER NOT NULL,
  summary TEXT NOT NULL,
  CHECK ((place_precision IS NULL) = (place_name IS NULL)),
  CHECK ((geometry_type IS NULL) = (min_lon IS NULL))
) STRICT;
CREATE INDEX claims_by_start ON claims (start_key, id);
CREATE INDEX claims_by_end ON claims (end_key);
CREATE INDEX claims_by_document ON claims (document_id);

-- Geometry vertices: part = line or ring index, position = vertex index.
CREATE TABLE claim_coordinates (
  claim_key INTEGER NOT NULL REFERENCES claims (claim_key),
  part INTEGER NOT NULL,
  position INTEGER NOT NULL,
  lon REAL NOT NULL,
  lat REAL NOT NULL,
  PRIMARY KEY (claim_key, part, position)
) STRICT, WITHOUT ROWID;

CREATE TABLE claim_casualties (
  claim_key INTEGER NOT NULL REFERENCES claims (claim_key),
  position INTEGER NOT NULL,
  side_kind TEXT NOT NULL,          -- combatants, civilians
  party_id TEXT,
  party_name TEXT,
  status TEXT NOT NULL,             -- killed, wounded, captured, missing
  count_min INTEGER NOT NULL,
  count_max INTEGER,                -- NULL: open-ended ("at least")
  PRIMARY KEY (claim_key, position)
) STRICT, WITHOUT ROWID;

CREATE TABLE claim_weapons (
  claim_key INTEGER NOT NULL REFERENCES claims (claim_key),
  position INTEGER NOT NULL,
  weapon_class TEXT NOT NULL,
  calibre TEXT NOT NULL,
  PRIMARY KEY (claim_key, position)
) STRICT, WITHOUT ROWID;

CREATE TABLE claim_assets (
  claim_key INTEGER NOT NULL REFERENCES claims (claim_key),
  position INTEGER NOT NULL,
  kind TEXT NOT NULL,
  outcome TEXT NOT NULL,
  count_min INTEGER,                -- NULL: no number given
  count_max INTEGER,
  owner_id TEXT,
  owner_name TEXT,
  gainer_id TEXT,
  gainer_name TEXT,
  description TEXT NOT NULL,
  PRIMARY KEY (claim_key, position)
) STRICT, WITHOUT ROWID;

-- One row per provenance entry, its spans apart: an entry may have no spans.
CREATE TABLE claim_provenance (
  claim_key INTEGER NOT NULL REFERENCES claims (claim_key),
  position INTEGER NOT NULL,
  field TEXT NOT NULL,
  PRIMARY KEY (claim_key, position)
) STRICT, WITHOUT ROWID;

CREATE TABLE claim_provenance_spans (
  claim_key INTEGER NOT NULL,
  position INTEGER NOT NULL,
  span INTEGER NOT NULL,
  span_start INTEGER NOT NULL,      -- code points, [start, end)
  span_end INTEGER NOT NULL,
  PRIMARY KEY (claim_key, position, span),
  FOREIGN KEY (claim_key, position) REFERENCES claim_provenance (claim_key, position)
) STRICT, WITHOUT ROWID;

-- Every actor a claim names, by role, so the actor filter is one index lookup.
-- Roles: claimant, perpetrator, target, casualty_side, asset_owner, asset_gainer.
CREATE TABLE claim_actors (
  actor_id TEXT NOT NULL,
  claim_key INTEGER NOT NULL REFERENCES claims (claim_key),
  role TEXT NOT NULL,
  PRIMARY KEY (actor_id, claim_key, role)
) STRICT, WITHOUT ROWID;

-- Bounding boxes of claims with a geometry, keyed by claims.claim_key. R*Tree
-- keeps 32-bit floats rounded outward, so queries recheck the exact box in claims.
CREATE VIRTUAL TABLE claim_boxes USING rtree (claim_key, min_lon, max_lon, min_lat, max_lat);
