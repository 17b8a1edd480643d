### Der Arztbericht (PDF, CSV-Spaltenköpfe, FHIR-Texte). Vor der Veröffentlichung von einer muttersprachlichen klinischen Fachkraft zu prüfen.

## Datumsangaben und Zahlen
r-date = { $d }.{ $m }.{ $y }
r-day-month = { $day }. { $month ->
        [1] Jan.
        [2] Feb.
        [3] März
        [4] Apr.
        [5] Mai
        [6] Juni
        [7] Juli
        [8] Aug.
        [9] Sep.
        [10] Okt.
        [11] Nov.
       *[12] Dez.
    }
r-month-year = { $month ->
        [1] Jan.
        [2] Feb.
        [3] März
        [4] Apr.
        [5] Mai
        [6] Juni
        [7] Juli
        [8] Aug.
        [9] Sep.
        [10] Okt.
        [11] Nov.
       *[12] Dez.
    } { $year }

## Seite 1
r-doc-title = Kefir-Einführung: Arztbericht { $from } bis { $to }
r-title = Kefir-Einführung – Bericht für die Ärztin oder den Arzt
r-patient = { $name } · Altersgruppe: { $band }
r-patient-noname = Name nicht angegeben · Altersgruppe: { $band }
r-patient-none = Name und Altersgruppe nicht angegeben
r-period = Zeitraum: { $from } bis { $to } ({ $days } { $days ->
        [one] Tag
       *[other] Tage
    })
r-meta = Uhrzeiten in { $zone } · erstellt { $at } · Kefir Start App-Version { $version }
r-tile-total = Gesamtmenge
r-tile-drinks = { $n } { $n ->
        [one] Getränk
       *[other] Getränke
    }
r-tile-days = Tage mit Kefir
r-tile-pct-days = { $pct } % der Tage
r-tile-mean = Mittel pro Tag
r-tile-mean-sub = nur Tage mit Kefir
r-tile-max = Höchster Tag
r-tile-on = am { $date }
r-tile-no-intake = kein Kefir
r-tile-adherence = Tägliche Abfrage
r-tile-of-days = { $n } von { $days ->
        [one] { $days } Tag
       *[other] { $days } Tagen
    }
r-ml = { $ml } ml
r-ml-unit = ml
r-tile-on-target = Tage im Ziel
r-tile-on-target-sub = innerhalb 10 % des Plans
r-plan-line = Plan { $status } seit { $since }
r-no-plan = Kein Einführungsplan in diesem Zeitraum.
r-status-active = aktiv
r-status-paused = pausiert
r-status-stopped = abgebrochen
r-no-profile = Bis zum Ende dieses Zeitraums wurde kein Profil gespeichert.
r-none = keine
r-allergy-item = { $item } (Allergie)
r-conditions-line = Erkrankungen und Allergien: { $list }
r-profile-from = Profil gültig ab { $date }: { $what }
r-profile-changed = Profil geändert am { $date }: { $what }
r-note = Notiz: „{ $note }“
r-clearance-line = Ärztliche Freigabe laut Angabe der Person am { $date } für { $rules } (von der App nicht überprüft).
r-clearance-needed = Ärztliche Freigabe erforderlich; von der Person keine erfasst.
r-med-line = { $name }: { $n } { $n ->
        [one] Einnahme
       *[other] Einnahmen
    } im Zeitraum{ $outside }, erste { $first }, letzte { $last }{ $every }, { $state }{ $spacing }
r-outside = {" "}({ $after ->
        [0] { $before } davor
       *[other] { $before ->
            [0] { $after } danach
           *[other] { $before } davor, { $after } danach
        }
    })
r-med-every = , alle { $h } h
r-med-kept = ; Abstand zum Kefir eingehalten ({ $rule })
r-med-missed = ; Abstand zum Kefir bei { $n } { $n ->
        [one] Getränk
       *[other] Getränken
    } nicht eingehalten ({ $rule })
r-ongoing = laufend
r-completed = abgeschlossen
r-med-no-doses = { $name }: im Profil angegeben, keine Einnahmen erfasst
r-flag = { $time } { $level } ({ $rules }) in einer Meldung ({ $source }): { $what }.
r-flag-drink = Letztes Getränk davor: { $time }, { $ml } ml { $kind } ({ $source }).
r-flag-no-drink = Kein Getränk in den 48 h davor.
r-flag-said = Die App riet: { $advice }
r-h-reported = Angaben der Person
r-h-medicines = Medikamente ({ $n })
r-h-red-flags = Warnzeichen ({ $n })
r-h-breaches = Nicht eingehaltene Grenzen ({ $n })
r-h-screening = Screening
r-nothing-reported = Keine Angaben.
r-none-reported-period = In diesem Zeitraum keine angegeben.
r-none-recorded-period = In diesem Zeitraum keine erfasst.
r-no-breaches = Keine: Jedes Getränk hielt die geltenden Grenzen ein.
r-no-findings = Keine Screening-Befunde.
r-screening-note = Gesamtstufe aus { $n } { $n ->
        [one] Befund
       *[other] Befunden
    }
r-screening-no-profile = bis zum Ende des Zeitraums kein Profil gespeichert
r-more = … und { $n } weitere: vollständige Liste im Anhang.
r-level-info = Info
r-level-caution = Vorsicht
r-level-consult = Arzt fragen
r-level-stop = Stopp
r-level-emergency = Notfall

## Wo ein Warnzeichen oder eine Notiz erfasst wurde
r-src-check-in = tägliche Abfrage
r-src-reaction-report = Reaktionsmeldung
r-src-reaction = Reaktion
r-src-drink = Getränk
r-src-dose = Einnahme
r-src-clearance = Freigabe

## Planereignisse
r-ev-start = Beginn
r-ev-advance = Steigerung
r-ev-hold = Halten
r-ev-step_back = Schritt zurück
r-ev-pause = Pause
r-ev-stop = Abbruch
r-ev-maintain = Beibehalten
r-ev-paused = pausiert
r-ev-stopped = abgebrochen
r-ev-resume = Fortsetzung
r-ev-restart = Neubeginn

## Diagramm
r-chart-title = Tägliche Kefirmenge (ml) im Vergleich zum Planziel, mit Beschwerden
r-chart-intake = Menge
r-chart-target = Planziel
r-chart-worst = Stärkste Beschwerde:
r-chart-red-flag = Warnzeichen
r-chart-no-dot = kein Punkt: keine Abfrage
r-no-days = Keine Tage in diesem Zeitraum.

## Tabellen im Anhang
r-continued = { $title } (Fortsetzung)
r-h-findings = Screening-Befunde (gesamt: { $level })
r-c-rule = Regel
r-c-level = Stufe
r-c-finding = Befund und Empfehlung
r-c-source = Quelle
r-h-flags-context = Warnzeichen im Zusammenhang
r-c-time = Zeit
r-c-rules = Regeln
r-c-flag = Was gemeldet wurde, das letzte Getränk, die Notiz und was die App riet
r-h-daily = Tagesprotokoll
r-c-date = Datum
r-c-intake = Menge (ml)
r-c-target = Ziel (ml)
r-c-event = Planereignis
r-c-worst = Stärkste Beschwerde des Tages
r-c-bristol = Bristol
r-no-checkin = keine Abfrage
r-no-symptoms = keine Beschwerden
r-no-plan-cell = kein Plan
r-bristol-cell = Typ { $type }
r-h-symptoms = Gemeldete Beschwerden
r-c-symptom = Beschwerde
r-c-snomed = SNOMED CT
r-c-days-present = Tage mit Beschwerde
r-c-worst-sev = Am stärksten
r-no-symptoms-period = In diesem Zeitraum keine Beschwerden gemeldet.
r-h-events = Planereignisse
r-c-event-short = Ereignis
r-c-reason = Grund
r-no-events = Keine Planereignisse in diesem Zeitraum.
r-h-courses = Medikamenteneinnahmen (aus den erfassten Einnahmen)
r-c-medicine = Medikament
r-c-first-dose = Erste Einnahme
r-c-last-dose = Letzte Einnahme
r-c-interval = Abstand
r-c-doses = Einnahmen
r-c-status = Status
r-c-spacing = Abstand zum Kefir
r-kept-cell = eingehalten ({ $rule })
r-missed-cell = nicht eingehalten: { $n } Getränk(e) ({ $rule })
r-no-rule = keine Regel
r-no-doses = Keine Einnahmen in diesem Zeitraum erfasst.
r-h-breaches-full = Nicht eingehaltene Grenzen (neu berechnet aus dem Protokoll und dem damals gültigen Profil)
r-c-what = Was
r-none-period = Keine in diesem Zeitraum.
r-h-notes = Notizen der Person
r-c-with = Zu
r-c-note = Notiz
r-no-notes = Keine Notizen in diesem Zeitraum.
r-h-profiles = Im Zeitraum gültige Profilversionen
r-c-saved = Gespeichert
r-in-force-start = zu Beginn gültig
r-changed-period = im Zeitraum geändert
r-no-profile-short = Bis zum Ende des Zeitraums kein Profil gespeichert.
r-h-by-kind = Getrunkener Kefir nach Art
r-h-by-source = Getrunkener Kefir nach Herkunft
r-c-kind = Art
r-c-ml = ml
r-c-drinks = Getränke
r-c-share = Anteil an ml
r-nothing-drunk = In diesem Zeitraum nichts getrunken.
r-h-conditions = Erkrankungen und Allergien (Angaben der Person)
r-c-item = Eintrag
r-c-type = Typ
r-c-code = App-Code
r-allergy = Allergie
r-condition = Erkrankung
r-none-reported = Keine angegeben.
r-h-medicines-profile = Medikamente im Profil am Ende des Zeitraums (nach Gruppe, Angaben der Person)
r-c-med-class = Medikamentengruppe
r-h-limits = Geltende Grenzen
r-c-limit = Grenze
r-c-value = Wert
r-lim-max = Höchstens pro Tag
r-lim-kinds = Erlaubte Arten
r-lim-sources = Erlaubte Herkunft
r-lim-clearance = Ärztliche Freigabe
r-lim-cleared = erforderlich; laut Angabe der Person hat am { $date } eine Ärztin oder ein Arzt { $rules } freigegeben{ $note } (nicht überprüft)
r-lim-needed = vor dem Weitermachen erforderlich; von der Person nicht angegeben
r-lim-not-needed-cleared = nicht erforderlich (die Person hat am { $date } eine Freigabe angegeben)
r-lim-not-needed = nicht erforderlich
r-lim-spacing = Abstand zu Medikamenten
r-h-how = So lesen Sie diesen Bericht
r-how-1 = Die Daten hat die Person selbst in der App eingegeben; nichts davon wurde von medizinischem Fachpersonal gemessen oder überprüft.
r-how-2 = Das Mittel pro Tag zählt nur Tage mit Kefir. Tage im Ziel: Tage mit Planziel, an denen die Menge höchstens 10 % davon abwich. Tägliche Abfrage: Tage mit Abfrage im Verhältnis zu allen Tagen des Zeitraums.
r-how-3 = Die Stärke der Beschwerden bewertet die Person auf einer 4-stufigen Skala (keine, leicht, mittel, schwer); gezeigt wird die stärkste Bewertung des Tages. Die Stuhlform folgt der Bristol-Stuhlformen-Skala, Typen 1–7 (Lewis & Heaton, Scand J Gastroenterol 1997;32:920).
r-how-4 = Regelkennungen (D, S, P, M, H) verweisen auf die Sicherheitsregeln der App, die zu jeder Regel die Evidenz nennen; die Tageshöchstmenge von 200 ml ist eine Voreinstellung der App, kein veröffentlichter Grenzwert.
r-h-bristol = Bristol-Stuhlform: Abfragen je Typ ({ $n } erfasst)
r-no-bristol = In diesem Zeitraum keine Stuhlform erfasst.
r-bristol-1 = Einzelne feste Kügelchen
r-bristol-2 = Wurstförmig, klumpig
r-bristol-3 = Wurst mit Rissen
r-bristol-4 = Glatte, weiche Wurst
r-bristol-5 = Weiche Klümpchen, glatte Ränder
r-bristol-6 = Breiig, ausgefranste Ränder
r-bristol-7 = Wässrig, ohne feste Bestandteile

## Fuß- und Kopfzeile
r-header = Kefir-Einführung – Arztbericht · { $name } · { $from } bis { $to }
r-no-name = Name nicht angegeben
r-version = Kefir Start App-Version { $version } · erstellt { $at }
r-no-font = keine Schrift für { $chars } (als ? dargestellt)
r-page = Seite { $n } von { $of }

## Texte im Berichtsdatensatz
r-saved-empty = Profil gespeichert: keine Erkrankungen oder Medikamente
r-saved-items = Profil gespeichert: { $items }
r-added = hinzugefügt: { $item }
r-removed = entfernt: { $item }
r-age-band = Altersgruppe { $band }
r-saved-again = Profil erneut gespeichert (keine Änderung an Erkrankungen oder Medikamenten)
r-spacing = { $med }: Kefir { $after } h nach einer Einnahme, { $before } h vor der nächsten ({ $rule })
r-b-ruled-out = { $ml } ml { $kind } ({ $source }) um { $at }: laut Screening ausgeschlossen
r-b-spacing = { $ml } ml { $kind } ({ $source }) um { $at }: im Abstandsfenster eines Medikaments
r-b-cap = { $whole } ml am { $date }: { $total } ml bis { $at }, über der damals geltenden Grenze von { $cap } ml
r-b-stopped = { $ml } ml { $kind } um { $at }: getrunken, während der Plan abgebrochen war ({ $rules })

## FHIR-Freitexte und Zusammenfassungen (Codierungen behalten die englischen Anzeigen ihrer Codesysteme)
f-plan-status = Status des Kefir-Einführungsplans am Ende des Zeitraums
f-plan-event = Ereignis des Kefir-Einführungsplans
f-target = Ziel für den Tag
f-target-note = Planziel { $ml } mL{ $event }.
f-breach = Kefir-Grenze aus dem Screening nicht eingehalten
f-intake = Kefirmenge
f-bristol = Bristol-Stuhlform
f-note = Tagebuchnotiz ({ $with })
f-rules = { $reason } (Regeln { $rules })
f-outside = ; { $before } Einnahme(n) davor und { $after } danach
f-every = Alle { $h } h;{" "}
f-dosage = { $every }{ $n } Einnahmen im Zeitraum erfasst, von { $first } bis { $last }{ $outside }
f-spacing-kept = Abstand zum Kefir ({ $rule }) eingehalten: kein Getränk im Fenster.
f-spacing-missed = Abstand zum Kefir ({ $rule }) nicht eingehalten: { $n } Getränk(e) im Fenster.
f-reported-in = Von der Person gemeldet ({ $source }): { $what }.
f-kefir = Kefir
f-symptom = Beschwerde
f-severity = Stärke
f-severity-of = Stärke { $severity }
f-patient = Patient/in (selbst erfasste Daten)
f-medicine = Medikament: { $name }
f-status = Status { $status }
f-st-active = laufend
f-st-completed = abgeschlossen
f-condition = Erkrankung
f-allergy = Allergie
f-unconfirmed = von der Person angegeben, nicht bestätigt
f-yes = ja
f-no = nein

## CSV-Spaltenköpfe
csv-id = ID
csv-time = Zeit
csv-date = Datum
csv-ml = ml
csv-kind = Art
csv-source = Herkunft
csv-note = Notiz
csv-batch_fermentation_hours = Charge: Fermentation (h)
csv-batch_room_temp_c = Charge: Raumtemperatur (°C)
csv-batch_spoilage_signs = Charge: Verderbniszeichen
csv-bristol = Bristol
csv-level = Stufe
csv-rule_ids = Regeln
csv-medicine = Medikament
csv-name = Name
csv-interval_hours = Abstand (h)
csv-bloating = Blähbauch
csv-gas = Blähungen
csv-abdominal_pain = Bauchschmerzen
csv-cramps = Krämpfe
csv-diarrhoea = Durchfall
csv-constipation = Verstopfung
csv-nausea = Übelkeit
csv-skin_redness = Hautrötung
csv-itching = Juckreiz
csv-hives = Nesselsucht
csv-lip_face_tongue_swelling = Schwellung von Lippen, Gesicht oder Zunge
csv-itchy_throat = Kratzen im Hals
csv-breathing_difficulty = Atemnot
csv-faintness = Schwächegefühl
csv-fever_chills = Fieber oder Schüttelfrost
csv-blood_in_stool = Blut im Stuhl
