-- Migration 10: comments, evidence attachments and named persons follow the
-- incident they were written about (docs/api.md, "Which incident a note
-- shows on"). Each is anchored to claims: the incident's members when it was
-- written, or, for a person read in one of those members, that claim alone.
-- A note shows on every incident that holds one of its anchors today, so it
-- follows merges, splits, attachments, detachments and re-clustering that
-- give the incident another id; a note none of whose anchors is in an
-- incident shows under the incident id it was written on (incident_id of its
-- own table), which also keeps every note written on an id that is no
-- longer an incident. Anchors name claims without a foreign key: claims are
-- never deleted, and a missing one only means that anchor holds nothing.
-- Conventions as in migration 1.

CREATE TABLE incident_note_anchors (
  kind TEXT NOT NULL CHECK (kind IN ('comment', 'evidence', 'person')),
  note_id INTEGER NOT NULL,         -- comment_id, attachment_id or person_id
  claim_id TEXT NOT NULL,
  PRIMARY KEY (kind, note_id, claim_id)
) STRICT, WITHOUT ROWID;

CREATE INDEX incident_note_anchors_by_claim ON incident_note_anchors (claim_id, kind, note_id);

-- Notes written before this migration are anchored to the claims their
-- incident has now; those on an id that is no longer an incident get no
-- anchor and stay under that id, as before.
INSERT INTO incident_note_anchors (kind, note_id, claim_id)
  SELECT 'comment', c.comment_id, m.claim_id
  FROM incident_comments AS c JOIN incident_members AS m ON m.incident_id = c.incident_id;

INSERT INTO incident_note_anchors (kind, note_id, claim_id)
  SELECT 'evidence', e.attachment_id, m.claim_id
  FROM incident_evidence AS e JOIN incident_members AS m ON m.incident_id = e.incident_id;

INSERT INTO incident_note_anchors (kind, note_id, claim_id)
  SELECT 'person', p.person_id, m.claim_id
  FROM incident_persons AS p JOIN incident_members AS m ON m.incident_id = p.incident_id
  WHERE p.claim_id IS NULL OR m.claim_id = p.claim_id OR NOT EXISTS (
    SELECT 1 FROM incident_members AS own
    WHERE own.incident_id = p.incident_id AND own.claim_id = p.claim_id);
