-- Migration 3: the agreement registry's files (docs/formats/agreements.md,
-- docs/formats/geography.md), kept whole as the text that was read, so every
-- database holds the agreements and geography it was assessed against.
-- Bundled files (origin 'bundled', from share/truce/agreements and
-- share/truce/geography) are registered when a database is created or opened
-- and replaced when the bundle changes; user files (origin 'user') come from
-- `truce agreements load`. Each change of a file's text bumps its version.
CREATE TABLE registry_files (
  name TEXT PRIMARY KEY,            -- "agreements/x.json", "geography/x.geojson"
  kind TEXT NOT NULL CHECK (kind IN ('agreement', 'geography')),
  origin TEXT NOT NULL CHECK (origin IN ('bundled', 'user')),
  version INTEGER NOT NULL CHECK (version >= 1),
  content TEXT NOT NULL,
  loaded_at TEXT NOT NULL           -- UTC, "YYYY-MM-DDTHH:MM:SSZ"
) STRICT;
