### The "save a backup" screen and the import prompt (core/src/forms.rs, backup_form).

backup-title = Save a backup
backup-encrypt-label = Encrypt with a passphrase (recommended)
backup-passphrase-label = Passphrase
backup-repeat-label = Repeat the passphrase
backup-mismatch = The two passphrases are not the same.
backup-passphrase-help = Nobody can recover this passphrase, not even the app: without it the backup cannot be opened. Anyone who has both the file and the passphrase can read your diary. The file opens with the standard "age" tool too.
backup-plain-warning = A backup without encryption holds every symptom, medicine and note you entered as readable text. Anyone who gets the file, for example from a cloud drive or an email, can read it.
backup-plain-confirm = Save without encryption
backup-import-prompt = This backup is encrypted. Enter its passphrase.
backup-wrong-passphrase = This passphrase does not open the backup. Nothing was changed; try again.
