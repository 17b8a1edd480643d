-- v2 -> v3: the introduction plan with one stored decision per day, and
-- app settings (reminders).
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
    reason        TEXT    NOT NULL,
    rule_ids      TEXT    NOT NULL,
    decided_ms    INTEGER NOT NULL,
    PRIMARY KEY (plan_id, day)
) WITHOUT ROWID;
CREATE INDEX plan_days_by_day ON plan_days (day);
CREATE TABLE settings (
    key    TEXT PRIMARY KEY,
    value  TEXT NOT NULL
) WITHOUT ROWID;
