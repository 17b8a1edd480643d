### Benachrichtigungen: Titel und Texte, die die Apps unverändert anzeigen.
### Needs review by a native-speaking clinician before release.

reminder-checkin-title = Täglicher Check-in
reminder-checkin-body = Wie war Ihr Tag? Tragen Sie Beschwerden und Ihre Stuhlform ein: Das dauert nur eine Minute.
reminder-yesterday-title = Check-in von gestern
reminder-yesterday-body = Der Check-in von gestern ist noch offen: Sie können ihn bis heute Mitternacht nachtragen.
reminder-drink-title = Kefir-Erinnerung
reminder-drink-body = Kefir heute: { $ml } ml. Am besten morgens oder nach einer Mahlzeit (D5).
reminder-drink-moved = Verschoben auf { $time }: Dann endet Ihr Abstandsfenster zum Medikament ({ $rules }).
reminder-spacing-title = Kefir wieder erlaubt
reminder-spacing-body = { $medicines }: Der Abstand ist vorbei ({ $rules }). Kefir ist wieder erlaubt.
reminder-your-medicine = Ihr Medikament
reminder-list-and = { $init } und { $last }

## Die Version für den Sperrbildschirm: Sie nennt kein Medikament, keine
## Medikamentengruppe, keine Beschwerde und keine Menge.
reminder-public-title = Kefir Start
reminder-public-checkin = Zeit für Ihren Check-in
reminder-public-body = Eine Erinnerung von Kefir Start
reminder-public-several = { $n ->
    [one] { $n } Erinnerung von Kefir Start
   *[other] { $n } Erinnerungen von Kefir Start
}
