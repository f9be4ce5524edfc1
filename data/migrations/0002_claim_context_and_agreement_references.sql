-- Migration 2: what the claim extractor adds to a claim (how its date was
-- arrived at, the other actors it names with their roles, the agreements it
-- refers to) and the agreements a document mentions outside its claims.
-- Conventions as in migration 1. Claims stored before this migration read
-- back with an unknown date basis and no actors or agreement references,
-- which is what they had.

-- time_basis: unknown, stated, relative, announcement (DateBasis)
ALTER TABLE claims ADD COLUMN time_basis TEXT NOT NULL DEFAULT 'unknown';
ALTER TABLE claims ADD COLUMN time_from_context INTEGER NOT NULL DEFAULT 0
  CHECK (time_from_context IN (0, 1));
ALTER TABLE claims ADD COLUMN time_basis_wording TEXT NOT NULL DEFAULT '';

-- Actors a claim names besides claimant, perpetrator and target. (The actor
-- filter's index, claim_actors, also gets their ids, under the roles
-- participant and mediator.)
CREATE TABLE claim_involved_actors (
  claim_key INTEGER NOT NULL REFERENCES claims (claim_key),
  position INTEGER NOT NULL,
  role TEXT NOT NULL,               -- participant, mediator
  actor_id TEXT NOT NULL,
  actor_name TEXT NOT NULL,
  PRIMARY KEY (claim_key, position)
) STRICT, WITHOUT ROWID;

-- Agreement references as written, with their dates and spans apart: a
-- reference may have neither.
CREATE TABLE claim_agreement_references (
  claim_key INTEGER NOT NULL REFERENCES claims (claim_key),
  position INTEGER NOT NULL,
  name TEXT NOT NULL,
  registry_id TEXT NOT NULL,        -- '' until resolved to the agreement registry
  PRIMARY KEY (claim_key, position)
) STRICT, WITHOUT ROWID;

CREATE TABLE claim_agreement_reference_dates (
  claim_key INTEGER NOT NULL,
  position INTEGER NOT NULL,
  item INTEGER NOT NULL,
  date TEXT NOT NULL,               -- civil time "YYYY-MM-DD[THH:MM[:SS]]"
  PRIMARY KEY (claim_key, position, item),
  FOREIGN KEY (claim_key, position) REFERENCES claim_agreement_references (claim_key, position)
) STRICT, WITHOUT ROWID;

CREATE TABLE claim_agreement_reference_spans (
  claim_key INTEGER NOT NULL,
  position INTEGER NOT NULL,
  span INTEGER NOT NULL,
  span_start INTEGER NOT NULL,      -- code points, [start, end)
  span_end INTEGER NOT NULL,
  PRIMARY KEY (claim_key, position, span),
  FOREIGN KEY (claim_key, position) REFERENCES claim_agreement_references (claim_key, position)
) STRICT, WITHOUT ROWID;

CREATE TABLE document_agreement_references (
  document_id TEXT NOT NULL REFERENCES documents (id),
  position INTEGER NOT NULL,
  name TEXT NOT NULL,
  registry_id TEXT NOT NULL,
  PRIMARY KEY (document_id, position)
) STRICT, WITHOUT ROWID;

CREATE TABLE document_agreement_reference_dates (
  document_id TEXT NOT NULL,
  position INTEGER NOT NULL,
  item INTEGER NOT NULL,
  date TEXT NOT NULL,
  PRIMARY KEY (document_id, position, item),
  FOREIGN KEY (document_id, position)
    REFERENCES document_agreement_references (document_id, position)
) STRICT, WITHOUT ROWID;

CREATE TABLE document_agreement_reference_spans (
  document_id TEXT NOT NULL,
  position INTEGER NOT NULL,
  span INTEGER NOT NULL,
  span_start INTEGER NOT NULL,
  span_end INTEGER NOT NULL,
  PRIMARY KEY (document_id, position, span),
  FOREIGN KEY (document_id, position)
    REFERENCES document_agreement_references (document_id, position)
) STRICT, WITHOUT ROWID;
