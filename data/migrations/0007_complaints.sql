-- Migration 7: complaints of the parties. A liaison officer files a claim with
-- its party as claimant; the claim is stored like any other (a document of the
-- party's complaints source, migration 1) and joins an incident at once. The
-- complaint row follows it through review to a finding, with who and when for
-- each step (docs/api.md, "Complaints"). Conventions as in migration 1.

CREATE TABLE complaints (
  complaint_id TEXT PRIMARY KEY,    -- "cmp_" + 20 hex digits of SHA-256 over the claim id
  claim_id TEXT NOT NULL UNIQUE REFERENCES claims (id),
  party TEXT NOT NULL,              -- actor id: the claimant, the filer's affiliation
  incident_id TEXT,                 -- the incident the claim joined when filed; NULL: none
  state TEXT NOT NULL CHECK (state IN ('filed', 'under_review', 'finding')),
  filed_by TEXT NOT NULL,           -- user names; times UTC "YYYY-MM-DDTHH:MM:SSZ"
  filed_at TEXT NOT NULL,
  reviewed_by TEXT,                 -- set when the review opens
  reviewed_at TEXT,
  outcome TEXT CHECK (outcome IN ('substantiated', 'not_substantiated', 'inconclusive')),
  finding TEXT,                     -- the finding's words
  found_by TEXT,
  found_at TEXT,
  updated_at TEXT NOT NULL,
  CHECK ((state = 'filed') = (reviewed_at IS NULL)),
  CHECK ((state = 'finding') = (outcome IS NOT NULL AND found_at IS NOT NULL))
) STRICT;

-- Listings are ordered by filing time, then id; a liaison's listing is one party's.
CREATE INDEX complaints_by_filing ON complaints (filed_at, complaint_id);
CREATE INDEX complaints_by_party ON complaints (party, filed_at, complaint_id);
CREATE INDEX complaints_by_state ON complaints (state, filed_at, complaint_id);
