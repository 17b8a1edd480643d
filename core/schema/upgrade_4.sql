-- v3 -> v4: mark the file as a kefir database in the SQLite header
-- (offset 68, PRAGMA application_id), so a file of another application is
-- recognised before anything is written to it.
PRAGMA application_id = 1262831186; -- 0x4B454652, "KEFR": store::APPLICATION_ID
-- Every plan event kept (stops, pauses, restarts... several on one
-- day are all kept), and the spacing warnings found when a medicine dose was
-- logged after kefir (M1-M3), so a summary can show them.
CREATE TABLE plan_events (
    id        INTEGER PRIMARY KEY,
    plan_id   INTEGER NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
    day       TEXT    NOT NULL,
    at_ms     INTEGER NOT NULL,
    since_ms  INTEGER,
    kind      TEXT    NOT NULL,
    level     TEXT    NOT NULL,
    reason    TEXT    NOT NULL,
    rule_ids  TEXT    NOT NULL
);
CREATE INDEX plan_events_by_plan ON plan_events (plan_id, id);
CREATE TABLE dose_warnings (
    dose_id   INTEGER NOT NULL REFERENCES med_doses (id) ON DELETE CASCADE,
    drink_id  INTEGER NOT NULL,
    rule_id   TEXT    NOT NULL,
    message   TEXT    NOT NULL,
    PRIMARY KEY (dose_id, drink_id, rule_id)
) WITHOUT ROWID;
-- The medicine name the user typed when logging a dose (optional).
ALTER TABLE med_doses ADD COLUMN name TEXT;
-- The stable FHIR Patient id of this database: a random (version 4) UUID.
INSERT OR IGNORE INTO settings (key, value) SELECT 'patient_id',
    lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4' ||
    substr(lower(hex(randomblob(2))), 2) || '-' || substr('89ab', 1 + abs(random() % 4), 1) ||
    substr(lower(hex(randomblob(2))), 2) || '-' || lower(hex(randomblob(6)));
