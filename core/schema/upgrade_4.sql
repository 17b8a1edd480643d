-- v3 -> v4: the medicine name the user typed when logging a dose (optional).
ALTER TABLE med_doses ADD COLUMN name TEXT;
