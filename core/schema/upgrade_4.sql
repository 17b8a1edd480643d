-- v3 -> v4: mark the file as a kefir database in the SQLite header
-- (offset 68, PRAGMA application_id), so a file of another application is
-- recognised before anything is written to it. No table changes.
PRAGMA application_id = 1262831186; -- 0x4B454652, "KEFR": store::APPLICATION_ID
