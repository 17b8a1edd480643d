### Der Bildschirm „Sicherung speichern“ und die Abfrage beim Einlesen (core/src/forms.rs, backup_form).

backup-title = Sicherung speichern
backup-encrypt-label = Mit einer Passphrase verschlüsseln (empfohlen)
backup-passphrase-label = Passphrase
backup-repeat-label = Passphrase wiederholen
backup-mismatch = Die beiden Passphrasen stimmen nicht überein.
backup-passphrase-help = Niemand kann diese Passphrase wiederherstellen, auch die App nicht: Ohne sie lässt sich die Sicherung nicht öffnen. Wer die Datei und die Passphrase hat, kann Ihr Tagebuch lesen. Die Datei lässt sich auch mit dem Standardwerkzeug „age“ öffnen.
backup-plain-warning = Eine Sicherung ohne Verschlüsselung enthält jedes Symptom, jedes Medikament und jede Notiz, die Sie eingegeben haben, als lesbaren Text. Wer die Datei bekommt, etwa aus einem Cloud-Speicher oder einer E-Mail, kann sie lesen.
backup-plain-confirm = Ohne Verschlüsselung speichern
backup-import-prompt = Diese Sicherung ist verschlüsselt. Geben Sie ihre Passphrase ein.
backup-wrong-passphrase = Diese Passphrase öffnet die Sicherung nicht. Es wurde nichts geändert; versuchen Sie es erneut.
