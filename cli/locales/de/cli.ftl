### Die eigene Oberfläche der Kommandozeile `kefir`: Überschriften,
### Beschriftungen, Tabellenköpfe, Einheiten, Erfolgsmeldungen und Hinweise.
### Die Fachbegriffe (Stufen, Erkrankungen, Arzneimittel, Regeltexte,
### Schlagzeilen, Grenzen) kommen aus dem Katalog des Kerns (core/locales).
### Nur für die Kommandozeile; nicht in den Apps enthalten.
### NEEDS REVIEW: German needs review by a native speaker (and, for the
### health wording, a native-speaking clinician) before release. Formal "Sie".

yes = ja
no = nein
on = an
off = aus
none = -
ml = ml
error-prefix = kefir: Fehler:
output-lost = Die Ausgabe konnte nicht geschrieben werden ({ $reason }); { $what }
output-lost-saved = die Änderung wurde gespeichert
output-lost-unchanged = es wurde nichts geändert

# Getränke
logged = erfasst { $drink }
no-drinks = keine Getränke in diesem Zeitraum
drinks-count = { $n ->
    [one] ({ $n } Getränk)
   *[other] ({ $n } Getränke)
}
deleted = Getränk { $id } gelöscht (rückgängig: kefir undo { $id })
dose-logged = Dosis erfasst: { $medicine } um { $time }

# Heute
today-title = Heute, { $date } ({ $zone })
today-drunk-of = getrunken: { $drunk } von { $target } ml
today-drunk = getrunken: { $drunk } ml
today-decision = Entscheidung:
today-plan = Plan: Stufe { $step } von { $steps } ({ $status })
today-goal = , Ziel { $ml } ml bis { $date }
today-spacing = Abstand:
checkin-due = Tagesabfrage heute fällig
checkin-due-yesterday = Tagesabfrage heute fällig (die von gestern können Sie noch nachtragen)

# Hinweise auf den Befehl, der tut, was ein Text des Kerns verlangt
hint-ack = tragen Sie die Freigabe Ihrer Ärztin oder Ihres Arztes ein: `kefir profile ack --note "wer was gesagt hat"`
hint-resume = fortsetzen mit `kefir plan resume`
hint-restart = neu beginnen mit `kefir plan restart`
hint-start = beginnen mit `kefir plan start` (zuerst die Abfrage: `kefir profile set ...`)

# Abfrage und Profil
screening-title = Abfrage: { $level }
conditions = Erkrankungen:
medicines = Arzneimittel:
allowed = erlaubt:
cleared-on = ärztliche Freigabe von Ihnen am { $date } angegeben (von der App nicht geprüft)
talk-first = sprechen Sie vor dem Beginn mit Ihrer Ärztin oder Ihrem Arzt ({ $rules }); danach `kefir profile ack`
may-start = Plan darf beginnen:
ack-recorded = ärztliche Freigabe eingetragen ({ $at })
profile-name = Name:
profile-age = Altersgruppe:
profile-kinds = bevorzugte Sorten:
profile-sources = bevorzugte Herkunft:
no-profile = noch kein Profil gespeichert
history-line = { $saved }  { $age }; Erkrankungen: { $conditions }; Arzneimittel: { $medicines }

# Erinnerungen
# A weekday, short; $day: 1 = Monday ... 7 = Sunday.
weekday = { $day ->
    [1] Mo
    [2] Di
    [3] Mi
    [4] Do
    [5] Fr
    [6] Sa
   *[7] So
}
remind-checkin = Erinnerungen an die Tagesabfrage:
remind-days = Tage:
every-day = jeden Tag
remind-quiet = Ruhezeit:
remind-drink = Trinkerinnerung:
remind-spacing = Hinweise zum Arzneimittelabstand:
remind-zone = Zeitzone:

# Tagesabfragen und Reaktionen
emergency = NOTFALL:
no-spacing = derzeit gilt kein Arzneimittelabstand

# Plan
plan-since = Plan seit { $day } ({ $status }): Stufen { $steps } ml, jeweils { $hold ->
    [one] { $hold } Tag
   *[other] { $hold } Tage
} halten
plan-goal-by = , Ziel bis { $date }
plan-step = Stufe { $step } von { $steps }
no-plan = Noch kein Plan. Beginn: zwischen { $min } und { $max } ml, Ziel { $tmin }–{ $tmax } ml.
plan-blocked = gesperrt:
plan-days = Tage (die geltende Entscheidung, neueste zuerst):
plan-events = Ereignisse (älteste zuerst):

# Sicherung, Löschen
backup-written = Sicherung geschrieben nach { $file }
imported = eingelesen: { $drinks ->
    [one] { $drinks } Getränk
   *[other] { $drinks } Getränke
}, { $checkins ->
    [one] { $checkins } Tagesabfrage
   *[other] { $checkins } Tagesabfragen
}, { $reactions ->
    [one] { $reactions } Reaktion
   *[other] { $reactions } Reaktionen
}, { $doses ->
    [one] { $doses } Dosis
   *[other] { $doses } Dosen
}, { $plans ->
    [one] { $plans } Plan
   *[other] { $plans } Pläne
}, { $versions ->
    [one] { $versions } Profilversion
   *[other] { $versions } Profilversionen
}
wiped = alle Daten gelöscht

# Arztbericht (report)
summary-title = Zusammenfassung { $from } bis { $to } ({ $zone })
summary-totals = insgesamt { $ml } ml in { $drinks ->
    [one] { $drinks } Getränk
   *[other] { $drinks } Getränken
}; { $days ->
    [one] { $days } Tag
   *[other] { $days } Tage
} mit Kefir, im Mittel { $mean } ml, höchstens { $max } ml
summary-checkins = Tagesabfragen an { $checkins } von { $days ->
    [one] { $days } Tag
   *[other] { $days } Tagen
} ({ $pct } %); im Ziel an { $on } von { $with ->
    [one] { $with } Tag
   *[other] { $with } Tagen
}
summary-plan = Plan { $status } seit { $since }:
summary-no-plan = kein Einführungsplan in diesem Zeitraum
summary-screening = Abfrage:
course-ongoing = laufend
course-completed = abgeschlossen
summary-course = Arzneimittel { $name }({ $label }): { $first } bis { $last }, { $doses ->
    [one] { $doses } Dosis
   *[other] { $doses } Dosen
}, { $state }
summary-red-flag = Warnzeichen
summary-spacing = Abstand
summary-spacing-at = (bei { $n } Dosen)
summary-breach = Grenze nicht eingehalten
summary-wrote = geschrieben: { $file }

# Demo
demo-title = Simulierte Einführung: { $days ->
    [one] { $days } Tag
   *[other] { $days } Tage
} ab { $date } ({ $zone })
demo-col-date = Datum
demo-col-decision = Entsch.
demo-col-target = Ziel
demo-col-drunk = getr.
demo-col-checkin = Abfrage
demo-col-rules = Regeln
demo-missed = fehlt
demo-summary-title = Arztbericht { $from } bis { $to }:
demo-totals = { $ml } ml in { $drinks ->
    [one] { $drinks } Getränk
   *[other] { $drinks } Getränken
} an { $days ->
    [one] { $days } Tag
   *[other] { $days } Tagen
} ({ $mean } ml am Tag an Tagen mit Kefir); Tagesabfragen an { $pct } % der Tage; im Ziel an { $on } von { $with ->
    [one] { $with } Tag
   *[other] { $with } Tagen
}
demo-every = , alle { $hours } h
demo-spacing-kept = ; Abstand eingehalten ({ $rule })
demo-spacing-missed = ; Abstand { $n ->
    [one] { $n }-mal
   *[other] { $n }-mal
} nicht eingehalten ({ $rule })
demo-course = Arzneimittel: { $name }({ $label }) { $first } bis { $last }{ $every }, { $doses ->
    [one] { $doses } Dosis
   *[other] { $doses } Dosen
}, { $state }{ $spacing }
demo-database = Datenbank:

# App lock
lock-after = sperrt:
lock-choices = --after MINUTEN:
lock-offer = Noch nicht gewählt: `kefir lock on` schaltet sie ein, `kefir lock off` lehnt ab.
lock-cli-note = Die Sperre selbst wirkt in den Telefon-Apps; hier sehen und ändern Sie die Einstellung.
remind-lock-screen = Sperrbildschirm:
remind-lock-screen-private = privat (eine Fassung ohne Medikament, Beschwerde oder Menge)
remind-lock-screen-full = voller Text
remind-next-public = auf dem Sperrbildschirm:
remind-next-public-unused = öffentliche Fassung (stattdessen wird der volle Text gezeigt):

# Backup encryption
warning-prefix = kefir: Warnung:
backup-strength = Stärke der Passphrase: { $level }
backup-too-weak = Die Passphrase ist zu schwach.
backup-no-passphrase-export = eine verschlüsselte Sicherung braucht eine Passphrase: Setzen Sie KEFIR_BACKUP_PASSPHRASE oder starten Sie kefir in einem Terminal, um gefragt zu werden (nie auf der Befehlszeile)
backup-no-passphrase-import = die Sicherung ist verschlüsselt: Setzen Sie KEFIR_BACKUP_PASSPHRASE oder starten Sie kefir in einem Terminal, um gefragt zu werden (nie auf der Befehlszeile); es wurde nichts geändert

# Backup hardening (issue 17, breaker findings)
backup-env-empty = KEFIR_BACKUP_PASSPHRASE ist gesetzt, aber leer: Tragen Sie dort die Passphrase der Sicherung ein, oder entfernen Sie die Variable, um im Terminal gefragt zu werden; es wurde nichts geändert
backup-no-passphrase-entered = es wurde keine Passphrase eingegeben; es wurde nichts geändert
