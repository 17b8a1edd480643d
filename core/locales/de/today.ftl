### Der Bildschirm „Heute“: Überschrift und Hinweise zu Medikamenten.
### Needs review by a native-speaking clinician before release.

today-done = Für heute geschafft: { $drunk } von { $target } ml.
today-to-go = Heute: { $target } ml Kefir, noch { $left } ml.
today-welcome = Willkommen: Beantworten Sie zuerst die Fragen der Vorabprüfung und starten Sie dann Ihren Plan.
today-ready = Bereit, wenn Sie es sind: Starten Sie Ihren Plan.

