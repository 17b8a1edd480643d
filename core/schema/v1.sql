-- Frozen snapshot of schema version 1 (intake log). Never edit: add a new
-- version and an upgrade script instead.
CREATE TABLE drinks (
    id          INTEGER PRIMARY KEY,
    at_ms       INTEGER NOT NULL,
    ml          INTEGER NOT NULL CHECK (ml BETWEEN 1 AND 1000),
    kind        TEXT    NOT NULL,
    source      TEXT    NOT NULL,
    note        TEXT,
    created_ms  INTEGER NOT NULL,
    deleted_ms  INTEGER
);
CREATE INDEX drinks_by_time ON drinks (at_ms);
