-- v3 -> v4: the medicine name the user typed when logging a dose (optional).
ALTER TABLE med_doses ADD COLUMN name TEXT;
-- The stable FHIR Patient id of this database: a random (version 4) UUID.
INSERT OR IGNORE INTO settings (key, value) SELECT 'patient_id',
    lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4' ||
    substr(lower(hex(randomblob(2))), 2) || '-' || substr('89ab', 1 + abs(random() % 4), 1) ||
    substr(lower(hex(randomblob(2))), 2) || '-' || lower(hex(randomblob(6)));
