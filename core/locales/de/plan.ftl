### Der Plan: Begründungen der Tagesentscheidungen und Ereignisse, Gründe für einen verweigerten Start.
### Needs review by a native-speaking clinician before release.

legacy-text = { $text }

plan-day-one = Tag eins: Beginnen Sie mit { $ml } ml.
plan-advance = { $days ->
        [one] { $days } guter Tag
       *[other] { $days } gute Tage
    } mit { $ml } ml: eine Stufe höher.
plan-hold-day = Tag { $day } von { $days } mit dieser Menge vor der nächsten Stufe.
plan-maintain = Ziel erreicht: Bleiben Sie bei dieser Menge.
plan-no-checkin = Gestern kein Check-in, daher heute keine Steigerung.
plan-symptoms-hold = Gestern Beschwerden: gleiche Menge wie gestern, heute keine Steigerung.
plan-step-back = Zurück auf { $ml } ml, die letzte Menge, die Sie vertragen haben: { $why }
plan-step-back-now = Heute gemeldet: zurück auf { $ml } ml, die letzte Menge, die Sie vertragen haben: { $why }
plan-stay-stepped-back = Sie bleiben bei { $ml } ml, der Menge, auf die Sie gestern zurückgegangen sind: { $why }
plan-capped = Begrenzt auf { $ml } ml: Ihre Höchstmenge ({ $rules }).
plan-within-limit = Innerhalb Ihrer Höchstmenge ({ $rules }).
plan-target-changed = Ziel geändert auf { $ml } ml.
plan-paused = Pausiert.
plan-stopped = Beendet.
plan-resume-when-ready = Setzen Sie den Plan im Bereich „Plan“ fort, sobald Sie bereit sind.
plan-restart-when-well = Starten Sie den Plan im Bereich „Plan“ neu, sobald es Ihnen gut geht.
plan-paused-by-you = Von Ihnen pausiert.
plan-paused-consult = Pausiert: { $why } Setzen Sie den Plan erst fort, wenn eine Ärztin oder ein Arzt Sie gesehen hat.
plan-paused-bad-days = Pausiert nach { $days } schwierigen Tagen in Folge. Setzen Sie den Plan fort, wenn es Ihnen gut geht.
plan-paused-spacing = Pausiert: Ihr Kefir gestern lag in einem Abstandsfenster zu einem Medikament ({ $rules }). Setzen Sie den Plan fort und trinken Sie Kefir außerhalb des Fensters.
plan-paused-profile = Pausiert: Ihr Profil hat sich geändert und erfordert jetzt zuerst ärztlichen Rat: { $why } Halten Sie die ärztliche Freigabe fest und setzen Sie den Plan dann fort.
plan-absent = Pausiert: { $days ->
        [one] { $days } Tag
       *[other] { $days } Tage
    } ohne Check-in und ohne Getränk, daher kann der Plan nicht einschätzen, wie es Ihnen geht (D4). Setzen Sie ihn fort, wenn Sie zurück sind: Er beginnt eine Stufe unter Ihrer letzten Menge (D6).
plan-resumed = Von Ihnen fortgesetzt mit { $ml } ml.
plan-resumed-after-break = Nach einer Pause fortgesetzt: { $ml } ml, eine Stufe unter Ihrer letzten Menge (D6).
plan-restarted = Neu gestartet auf der niedrigsten Stufe, { $ml } ml.
plan-stopped-why = Beendet: { $why }
plan-restart-checkin = Ein Neustart ist erst nach einem Check-in ohne diese Beschwerde möglich; der Plan beginnt dann wieder mit { $ml } ml.
plan-restart-clinician = Ein Neustart ist erst möglich, wenn eine Ärztin oder ein Arzt Sie gesehen hat und Sie die Freigabe mit einem Datum nach dieser Reaktion festhalten ({ $rules }); der Plan beginnt dann wieder auf der niedrigsten Stufe, { $ml } ml.
plan-stopped-drinking = Der Plan ist beendet ({ $rules }): kein Kefir bis zum Neustart.
plan-blocked-screening = Laut Ihrer Vorabprüfung sollten Sie zuerst ärztlichen Rat einholen ({ $rules }). Halten Sie die Freigabe fest, sobald sie vorliegt.
plan-red-flag-open = Ein Warnzeichen ist noch offen: { $why }
plan-red-flag-clinician = Zuerst muss eine Ärztin oder ein Arzt Sie sehen: Halten Sie die Freigabe mit Notiz fest, mit einem Datum nach der Reaktion.
plan-red-flag-checkin = Machen Sie erneut einen Check-in, sobald die Beschwerde abgeklungen ist.
plan-blocked-clinician = Der Plan wurde beendet wegen: { $why } Ein Neustart erfordert eine ärztliche Freigabe, die nach dieser Reaktion festgehalten wurde (mit Notiz); danach beginnt er wieder auf der niedrigsten Stufe.
plan-blocked-consult = Der Plan wurde pausiert wegen: { $why } Setzen Sie ihn fort, wenn eine Ärztin oder ein Arzt Sie gesehen hat und Sie die Freigabe mit Notiz festgehalten haben.
