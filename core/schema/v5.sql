-- Frozen snapshot of schema version 5 (v4, with plan_days.reason,
-- plan_events.reason and dose_warnings.message holding message references
-- instead of English text: a JSON list such as
-- [{"id":"plan-day-one","args":[["ml",50]]}], rendered at read time in the
-- reader's language; text from version 4 became the message "legacy-text").
-- Never edit: add a new version and an upgrade script instead.
CREATE TABLE drinks (
    id          INTEGER PRIMARY KEY,
    at_ms       INTEGER NOT NULL,
    ml          INTEGER NOT NULL CHECK (ml BETWEEN 1 AND 1000),
    kind        TEXT    NOT NULL,
    source      TEXT    NOT NULL,
    note        TEXT,
    created_ms  INTEGER NOT NULL,
    deleted_ms  INTEGER,
    batch_json  TEXT
);
CREATE INDEX drinks_by_time ON drinks (at_ms);
CREATE TABLE profile_versions (
    id            INTEGER PRIMARY KEY,
    saved_ms      INTEGER NOT NULL,
    profile_json  TEXT    NOT NULL
);
CREATE TABLE clinician_acks (
    id        INTEGER PRIMARY KEY,
    at_ms     INTEGER NOT NULL,
    rule_ids  TEXT    NOT NULL,
    note      TEXT
);
CREATE TABLE checkins (
    id        INTEGER PRIMARY KEY,
    day       TEXT    NOT NULL UNIQUE,
    at_ms     INTEGER NOT NULL,
    bristol   INTEGER CHECK (bristol BETWEEN 1 AND 7),
    note      TEXT,
    level     TEXT    NOT NULL,
    rule_ids  TEXT    NOT NULL
);
CREATE TABLE checkin_symptoms (
    checkin_id  INTEGER NOT NULL REFERENCES checkins (id) ON DELETE CASCADE,
    symptom     TEXT    NOT NULL,
    severity    TEXT    NOT NULL,
    PRIMARY KEY (checkin_id, symptom)
) WITHOUT ROWID;
CREATE TABLE reactions (
    id             INTEGER PRIMARY KEY,
    at_ms          INTEGER NOT NULL,
    symptoms_json  TEXT    NOT NULL,
    note           TEXT,
    level          TEXT    NOT NULL,
    rule_ids       TEXT    NOT NULL
);
CREATE INDEX reactions_by_time ON reactions (at_ms);
CREATE TABLE med_doses (
    id              INTEGER PRIMARY KEY,
    at_ms           INTEGER NOT NULL,
    medicine        TEXT    NOT NULL,
    interval_hours  INTEGER,
    note            TEXT,
    name            TEXT
);
CREATE INDEX med_doses_by_time ON med_doses (at_ms);
CREATE TABLE plans (
    id           INTEGER PRIMARY KEY,
    started_day  TEXT    NOT NULL,
    started_ms   INTEGER NOT NULL,
    start_ml     INTEGER NOT NULL,
    target_ml    INTEGER NOT NULL,
    step_ml      INTEGER NOT NULL,
    hold_days    INTEGER NOT NULL,
    status       TEXT    NOT NULL
);
CREATE TABLE plan_days (
    plan_id       INTEGER NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
    day           TEXT    NOT NULL,
    step          INTEGER NOT NULL,
    days_at_step  INTEGER NOT NULL,
    target_ml     INTEGER NOT NULL,
    decision      TEXT    NOT NULL,
    reason        TEXT    NOT NULL, -- JSON list of message references (see core/src/reasons.rs)
    rule_ids      TEXT    NOT NULL,
    decided_ms    INTEGER NOT NULL,
    PRIMARY KEY (plan_id, day)
) WITHOUT ROWID;
CREATE INDEX plan_days_by_day ON plan_days (day);
CREATE TABLE settings (
    key    TEXT PRIMARY KEY,
    value  TEXT NOT NULL
) WITHOUT ROWID;
PRAGMA application_id = 1262831186; -- 0x4B454652, "KEFR": store::APPLICATION_ID
CREATE TABLE plan_events (
    id        INTEGER PRIMARY KEY,
    plan_id   INTEGER NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
    day       TEXT    NOT NULL,
    at_ms     INTEGER NOT NULL,
    since_ms  INTEGER,
    kind      TEXT    NOT NULL,
    level     TEXT    NOT NULL,
    reason    TEXT    NOT NULL, -- JSON list of message references (see core/src/reasons.rs)
    rule_ids  TEXT    NOT NULL
);
CREATE INDEX plan_events_by_plan ON plan_events (plan_id, id);
CREATE TABLE dose_warnings (
    dose_id   INTEGER NOT NULL REFERENCES med_doses (id) ON DELETE CASCADE,
    drink_id  INTEGER NOT NULL,
    rule_id   TEXT    NOT NULL,
    message   TEXT    NOT NULL, -- JSON list of message references (see core/src/reasons.rs)
    PRIMARY KEY (dose_id, drink_id, rule_id)
) WITHOUT ROWID;
-- The stable FHIR Patient id of this database: a random (version 4) UUID.
INSERT OR IGNORE INTO settings (key, value) SELECT 'patient_id',
    lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4' ||
    substr(lower(hex(randomblob(2))), 2) || '-' || substr('89ab', 1 + abs(random() % 4), 1) ||
    substr(lower(hex(randomblob(2))), 2) || '-' || lower(hex(randomblob(6)));
