### App-Sperre (Issue 17): Einstellung und Angebot beim ersten Start,
### Auswahl der Wartezeit, Abdeckung und Text der Systemabfrage.
### Needs review by a native-speaking clinician before release.

lock-title = App-Sperre
lock-explanation = Wenn Sie nach einiger Zeit zur App zurückkehren, werden Ihr Fingerabdruck, Ihr Gesicht oder die PIN, das Muster oder das Passwort des Telefons abgefragt. Jeder Bildschirm von Kefir Start zeigt Gesundheitsdaten; solange die Sperre eingeschaltet ist, wird die App deshalb auch in der App-Übersicht und auf Bildschirmfotos verborgen. Dazu muss auf diesem Telefon eine Displaysperre eingerichtet sein.
lock-enable = App-Sperre einschalten
lock-decline = Nicht jetzt
lock-after-immediately = Sofort
# $n: ganze Minuten im Hintergrund, bevor die App sperrt.
lock-after-minutes = { $n ->
    [one] Nach { $n } Minute
   *[other] Nach { $n } Minuten
}
lock-prompt-reason = Entsperren Sie Kefir Start, um Ihr Tagebuch zu sehen
lock-cover-title = Kefir Start ist gesperrt
lock-unlock = Entsperren

# The switch for ReminderSettings.full_text_on_lock_screen, on the same
# privacy part of Settings.
lock-screen-full-text = Erinnerungsdetails auf dem Sperrbildschirm zeigen
lock-screen-full-text-help = Aus: Erinnerungen auf dem Sperrbildschirm sagen nur, dass es Zeit für Kefir Start ist – ohne Medikamente, Beschwerden oder Mengen. Den vollen Text sehen Sie, sobald das Telefon entsperrt ist.
