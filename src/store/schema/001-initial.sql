-- SPDX-License-Identifier: GPL-3.0-or-later
-- Assay workspace schema, version 1: the whole data model of DESIGN.md.
-- Every row kind has a UUID primary key named id. Column names are the
-- GObject property names of the matching Assay* type with '-' as '_'.
-- Enumerations are stored by their nicks; times as ISO 8601 UTC text;
-- calendar dates as YYYY-MM-DD; string lists as JSON arrays.

CREATE TABLE credential (
  id                    TEXT PRIMARY KEY NOT NULL,
  lineage_id            TEXT NOT NULL,
  version               INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
  superseded            INTEGER NOT NULL DEFAULT 0 CHECK (superseded IN (0, 1)),
  status                TEXT NOT NULL DEFAULT 'draft'
                        CHECK (status IN ('draft', 'published', 'retired')),
  title                 TEXT NOT NULL CHECK (length(trim(title)) > 0),
  description           TEXT,
  competency_area       TEXT,
  competency            TEXT,
  key_method            TEXT,
  research_rationale    TEXT,
  evidence_of_benefit   TEXT,
  submission_guidelines TEXT,
  sync_hours            REAL NOT NULL DEFAULT 0 CHECK (sync_hours >= 0),
  async_hours           REAL NOT NULL DEFAULT 0 CHECK (async_hours >= 0),
  pd_hours              REAL NOT NULL DEFAULT 0 CHECK (pd_hours >= 0),
  developer             TEXT,
  issuer                TEXT,
  image_hash            TEXT,
  required_reviews      INTEGER NOT NULL DEFAULT 2 CHECK (required_reviews >= 1),
  created_at            TEXT NOT NULL,
  published_at          TEXT,
  UNIQUE (lineage_id, version)
);
CREATE INDEX credential_current ON credential (superseded, title);

CREATE TABLE resource (
  id            TEXT PRIMARY KEY NOT NULL,
  credential_id TEXT NOT NULL REFERENCES credential (id) ON DELETE CASCADE,
  position      INTEGER NOT NULL DEFAULT 0,
  title         TEXT NOT NULL CHECK (length(trim(title)) > 0),
  url           TEXT,
  use           TEXT NOT NULL DEFAULT 'suggested' CHECK (use IN ('required', 'suggested')),
  cost          TEXT NOT NULL DEFAULT 'free' CHECK (cost IN ('free', 'purchase')),
  notes         TEXT
);
CREATE INDEX resource_credential ON resource (credential_id, position);

CREATE TABLE rubric (
  id            TEXT PRIMARY KEY NOT NULL,
  credential_id TEXT NOT NULL UNIQUE REFERENCES credential (id) ON DELETE CASCADE,
  rule          TEXT NOT NULL DEFAULT 'all-at-level'
                CHECK (rule IN ('all-at-level', 'minimum-total')),
  rule_level_id TEXT REFERENCES level (id) ON DELETE SET NULL DEFERRABLE INITIALLY DEFERRED,
  minimum_total INTEGER NOT NULL DEFAULT 0 CHECK (minimum_total >= 0)
);

CREATE TABLE criterion (
  id          TEXT PRIMARY KEY NOT NULL,
  rubric_id   TEXT NOT NULL REFERENCES rubric (id) ON DELETE CASCADE,
  position    INTEGER NOT NULL DEFAULT 0,
  title       TEXT NOT NULL CHECK (length(trim(title)) > 0),
  description TEXT
);
CREATE INDEX criterion_rubric ON criterion (rubric_id, position);

CREATE TABLE level (
  id        TEXT PRIMARY KEY NOT NULL,
  rubric_id TEXT NOT NULL REFERENCES rubric (id) ON DELETE CASCADE,
  position  INTEGER NOT NULL DEFAULT 0,
  name      TEXT NOT NULL CHECK (length(trim(name)) > 0),
  points    INTEGER NOT NULL DEFAULT 0 CHECK (points >= 0)
);
CREATE INDEX level_rubric ON level (rubric_id, position);

CREATE TABLE rubric_cell (
  id           TEXT PRIMARY KEY NOT NULL,
  criterion_id TEXT NOT NULL REFERENCES criterion (id) ON DELETE CASCADE,
  level_id     TEXT NOT NULL REFERENCES level (id) ON DELETE CASCADE,
  descriptor   TEXT,
  UNIQUE (criterion_id, level_id)
);
CREATE INDEX rubric_cell_level ON rubric_cell (level_id);

CREATE TABLE stack (
  id          TEXT PRIMARY KEY NOT NULL,
  title       TEXT NOT NULL CHECK (length(trim(title)) > 0),
  description TEXT,
  ordered     INTEGER NOT NULL DEFAULT 0 CHECK (ordered IN (0, 1)),
  created_at  TEXT NOT NULL
);

CREATE TABLE stack_member (
  id                    TEXT PRIMARY KEY NOT NULL,
  stack_id              TEXT NOT NULL REFERENCES stack (id) ON DELETE CASCADE,
  credential_lineage_id TEXT NOT NULL,
  position              INTEGER NOT NULL DEFAULT 0,
  UNIQUE (stack_id, credential_lineage_id)
);
CREATE INDEX stack_member_lineage ON stack_member (credential_lineage_id);

CREATE TABLE person (
  id             TEXT PRIMARY KEY NOT NULL,
  name           TEXT NOT NULL CHECK (length(trim(name)) > 0),
  email          TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (email LIKE '%_@_%'),
  roles          INTEGER NOT NULL DEFAULT 1 CHECK (roles BETWEEN 0 AND 7),
  school         TEXT,
  district       TEXT,
  licence_number TEXT,
  created_at     TEXT NOT NULL
);

CREATE TABLE qualification (
  id                    TEXT PRIMARY KEY NOT NULL,
  person_id             TEXT NOT NULL REFERENCES person (id) ON DELETE CASCADE,
  competency_area       TEXT,
  credential_lineage_id TEXT,
  trained_on            TEXT,
  note                  TEXT
);
CREATE INDEX qualification_person ON qualification (person_id);

CREATE TABLE conflict (
  id          TEXT PRIMARY KEY NOT NULL,
  person_id   TEXT NOT NULL REFERENCES person (id) ON DELETE CASCADE,
  kind        TEXT NOT NULL CHECK (kind IN ('earner', 'school', 'district')),
  target      TEXT NOT NULL CHECK (length(trim(target)) > 0),
  note        TEXT,
  declared_at TEXT NOT NULL
);
CREATE INDEX conflict_person ON conflict (person_id);

CREATE TABLE enrollment (
  id                    TEXT PRIMARY KEY NOT NULL,
  earner_id             TEXT NOT NULL REFERENCES person (id) ON DELETE CASCADE,
  credential_lineage_id TEXT NOT NULL,
  goal                  TEXT,
  preapproval           TEXT NOT NULL DEFAULT 'not-requested'
                        CHECK (preapproval IN ('not-requested', 'requested', 'approved', 'denied')),
  preapproved_on        TEXT,
  deadline              TEXT,
  status                TEXT NOT NULL DEFAULT 'planned'
                        CHECK (status IN ('planned', 'in-progress', 'submitted', 'earned', 'withdrawn')),
  UNIQUE (earner_id, credential_lineage_id)
);

CREATE TABLE submission (
  id            TEXT PRIMARY KEY NOT NULL,
  earner_id     TEXT NOT NULL REFERENCES person (id) ON DELETE RESTRICT,
  credential_id TEXT NOT NULL REFERENCES credential (id) ON DELETE RESTRICT,
  attempt       INTEGER NOT NULL DEFAULT 1 CHECK (attempt >= 1),
  received_at   TEXT NOT NULL,
  status        TEXT NOT NULL DEFAULT 'received'
                CHECK (status IN ('received', 'in-review', 'awarded', 'not-yet', 'withdrawn')),
  previous_id   TEXT REFERENCES submission (id) ON DELETE RESTRICT,
  bundle_sha256 TEXT,
  UNIQUE (credential_id, earner_id, attempt)
);
CREATE INDEX submission_credential_status ON submission (credential_id, status);
CREATE INDEX submission_earner ON submission (earner_id);
CREATE UNIQUE INDEX submission_bundle ON submission (bundle_sha256) WHERE bundle_sha256 IS NOT NULL;

CREATE TABLE artifact (
  id            TEXT PRIMARY KEY NOT NULL,
  submission_id TEXT NOT NULL REFERENCES submission (id) ON DELETE CASCADE,
  position      INTEGER NOT NULL DEFAULT 0,
  path          TEXT NOT NULL,
  title         TEXT NOT NULL,
  media_type    TEXT NOT NULL DEFAULT 'application/octet-stream',
  size          INTEGER NOT NULL DEFAULT 0 CHECK (size >= 0),
  sha256        TEXT NOT NULL CHECK (length(sha256) = 64),
  description   TEXT,
  criteria      TEXT NOT NULL DEFAULT '[]',
  UNIQUE (submission_id, path)
);
CREATE INDEX artifact_sha256 ON artifact (sha256);

CREATE TABLE reflection (
  id            TEXT PRIMARY KEY NOT NULL,
  submission_id TEXT NOT NULL REFERENCES submission (id) ON DELETE CASCADE,
  position      INTEGER NOT NULL DEFAULT 0,
  criterion_id  TEXT REFERENCES criterion (id) ON DELETE SET NULL,
  prompt        TEXT,
  body          TEXT NOT NULL DEFAULT ''
);
CREATE INDEX reflection_submission ON reflection (submission_id, position);

CREATE TABLE review (
  id             TEXT PRIMARY KEY NOT NULL,
  submission_id  TEXT NOT NULL REFERENCES submission (id) ON DELETE CASCADE,
  assessor_id    TEXT NOT NULL REFERENCES person (id) ON DELETE RESTRICT,
  state          TEXT NOT NULL DEFAULT 'draft' CHECK (state IN ('draft', 'submitted')),
  recommendation TEXT NOT NULL DEFAULT 'none' CHECK (recommendation IN ('none', 'award', 'not-yet')),
  feedback       TEXT,
  started_at     TEXT NOT NULL,
  submitted_at   TEXT,
  UNIQUE (submission_id, assessor_id)
);
CREATE INDEX review_assessor ON review (assessor_id, state);

CREATE TABLE score (
  id           TEXT PRIMARY KEY NOT NULL,
  review_id    TEXT NOT NULL REFERENCES review (id) ON DELETE CASCADE,
  criterion_id TEXT NOT NULL REFERENCES criterion (id) ON DELETE RESTRICT,
  level_id     TEXT REFERENCES level (id) ON DELETE RESTRICT,
  comment      TEXT,
  UNIQUE (review_id, criterion_id)
);

CREATE TABLE note (
  id           TEXT PRIMARY KEY NOT NULL,
  artifact_id  TEXT NOT NULL REFERENCES artifact (id) ON DELETE CASCADE,
  review_id    TEXT REFERENCES review (id) ON DELETE CASCADE,
  criterion_id TEXT REFERENCES criterion (id) ON DELETE SET NULL,
  author_id    TEXT REFERENCES person (id) ON DELETE SET NULL,
  page         INTEGER NOT NULL DEFAULT -1 CHECK (page >= -1),
  x            REAL NOT NULL DEFAULT 0,
  y            REAL NOT NULL DEFAULT 0,
  width        REAL NOT NULL DEFAULT 0 CHECK (width >= 0),
  height       REAL NOT NULL DEFAULT 0 CHECK (height >= 0),
  start_ms     INTEGER NOT NULL DEFAULT -1 CHECK (start_ms >= -1),
  end_ms       INTEGER NOT NULL DEFAULT -1 CHECK (end_ms >= -1),
  body         TEXT NOT NULL DEFAULT '',
  created_at   TEXT NOT NULL
);
CREATE INDEX note_artifact ON note (artifact_id);

CREATE TABLE decision (
  id            TEXT PRIMARY KEY NOT NULL,
  submission_id TEXT NOT NULL UNIQUE REFERENCES submission (id) ON DELETE CASCADE,
  outcome       TEXT NOT NULL CHECK (outcome IN ('award', 'not-yet')),
  rationale     TEXT NOT NULL DEFAULT '',
  decided_by    TEXT REFERENCES person (id) ON DELETE RESTRICT,
  decided_at    TEXT NOT NULL,
  moderated     INTEGER NOT NULL DEFAULT 0 CHECK (moderated IN (0, 1))
);

CREATE TABLE issuer (
  id         TEXT PRIMARY KEY NOT NULL,
  name       TEXT NOT NULL CHECK (length(trim(name)) > 0),
  url        TEXT,
  email      TEXT,
  image_hash TEXT,
  domain     TEXT,
  did        TEXT,
  key_id     TEXT,
  created_at TEXT NOT NULL
);

CREATE TABLE award (
  id              TEXT PRIMARY KEY NOT NULL,
  submission_id   TEXT NOT NULL REFERENCES submission (id) ON DELETE RESTRICT,
  decision_id     TEXT NOT NULL UNIQUE REFERENCES decision (id) ON DELETE RESTRICT,
  issuer_id       TEXT REFERENCES issuer (id) ON DELETE RESTRICT,
  credential_json TEXT,
  image_hash      TEXT,
  status          TEXT NOT NULL DEFAULT 'valid' CHECK (status IN ('valid', 'revoked')),
  revoked_reason  TEXT,
  revoked_at      TEXT,
  issued_at       TEXT NOT NULL,
  expires_at      TEXT
);

CREATE TABLE packet (
  id            TEXT PRIMARY KEY NOT NULL,
  credential_id TEXT NOT NULL REFERENCES credential (id) ON DELETE CASCADE,
  framework_id  TEXT NOT NULL,
  round         INTEGER NOT NULL DEFAULT 1 CHECK (round >= 1),
  submitted_on  TEXT,
  due_on        TEXT,
  outcome       TEXT NOT NULL DEFAULT 'draft'
                CHECK (outcome IN ('draft', 'submitted', 'approved', 'returned')),
  feedback      TEXT,
  created_at    TEXT NOT NULL,
  UNIQUE (credential_id, framework_id, round)
);

CREATE TABLE packet_item (
  id        TEXT PRIMARY KEY NOT NULL,
  packet_id TEXT NOT NULL REFERENCES packet (id) ON DELETE CASCADE,
  indicator TEXT NOT NULL,
  rating    TEXT NOT NULL DEFAULT 'unrated' CHECK (rating IN ('unrated', 'yes', 'no')),
  narrative TEXT,
  documents TEXT NOT NULL DEFAULT '[]',
  UNIQUE (packet_id, indicator)
);

-- Append-only: rows are chained by row_hash = SHA-256(prev_hash || canonical row).
CREATE TABLE audit_event (
  id           TEXT PRIMARY KEY NOT NULL,
  seq          INTEGER NOT NULL UNIQUE CHECK (seq >= 1),
  at           TEXT NOT NULL,
  actor_id     TEXT,
  action       TEXT NOT NULL,
  subject_kind TEXT NOT NULL,
  subject_id   TEXT NOT NULL,
  detail       TEXT NOT NULL DEFAULT '{}',
  prev_hash    TEXT NOT NULL,
  row_hash     TEXT NOT NULL UNIQUE
);
CREATE TRIGGER audit_event_no_update BEFORE UPDATE ON audit_event
BEGIN
  SELECT RAISE (ABORT, 'audit events are append-only');
END;
CREATE TRIGGER audit_event_no_delete BEFORE DELETE ON audit_event
BEGIN
  SELECT RAISE (ABORT, 'audit events are append-only');
END;
