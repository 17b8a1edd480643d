### The plan: decision reasons, event reasons, why a start is refused.
### Stored reasons keep these ids and their arguments (never the text), so
### they read in the language of whoever looks. $why is a list of rules with
### their titles ("hives (S6)."), $rules a list of rule ids ("S5, S6").

# Text stored before message references (schema 4, backup format 2): shown as written.
legacy-text = { $text }

plan-day-one = Day one: start with { $ml } ml.
plan-advance = { $days ->
        [one] { $days } good day
       *[other] { $days } good days
    } at { $ml } ml: one step up.
plan-hold-day = Day { $day } of { $days } at this amount before the next step.
plan-maintain = At your target: keep this amount.
plan-no-checkin = No check-in yesterday, so no step up today.
plan-symptoms-hold = Symptoms yesterday: staying at the same amount, no step up today.
plan-step-back = Back to { $ml } ml, the last amount you tolerated: { $why }
plan-step-back-now = Reported today: back to { $ml } ml, the last amount you tolerated: { $why }
plan-stay-stepped-back = Staying at { $ml } ml, the amount you stepped back to yesterday: { $why }
plan-capped = Capped at { $ml } ml: your limit ({ $rules }).
plan-within-limit = Within your limit ({ $rules }).
plan-target-changed = Target changed to { $ml } ml.
plan-paused = Paused.
plan-stopped = Stopped.
plan-resume-when-ready = Resume from the Plan screen when you are ready.
plan-restart-when-well = Restart from the Plan screen once you are well.
plan-paused-by-you = Paused by you.
plan-paused-consult = Paused: { $why } Resume once a clinician has seen you.
plan-paused-bad-days = Paused after { $days } difficult days in a row. Resume when you feel well.
plan-paused-spacing = Paused: yesterday's kefir fell inside a medicine spacing window ({ $rules }). Resume and keep kefir outside the window.
plan-paused-profile = Paused: your profile changed and now needs a clinician first: { $why } Record their go-ahead, then resume.
plan-absent = Paused: no check-in and no drink for { $days ->
        [one] { $days } day
       *[other] { $days } days
    }, so the plan cannot tell how you are (D4). Resume when you are back: it restarts one step below your last amount (D6).
plan-resumed = Resumed by you at { $ml } ml.
plan-resumed-after-break = Resumed after a break: { $ml } ml, one step below your last amount (D6).
plan-restarted = Restarted at the lowest step, { $ml } ml.
plan-stopped-why = Stopped: { $why }
plan-restart-checkin = Restart only after a check-in without it; the plan then starts again at { $ml } ml.
plan-restart-clinician = Restart only after a clinician has seen you and you record their go-ahead, dated after this reaction ({ $rules }); the plan then starts again at the lowest step, { $ml } ml.
plan-stopped-drinking = The plan is stopped ({ $rules }): no kefir until it restarts.
plan-blocked-screening = Your screening says to talk to a clinician first ({ $rules }). Once they agree, record their go-ahead.
plan-red-flag-open = A red flag is still open: { $why }
plan-red-flag-clinician = A clinician must see you first: record their go-ahead with its note, dated after the reaction.
plan-red-flag-checkin = Check in again once it has gone.
plan-blocked-clinician = The plan stopped for { $why } A restart needs a clinician's go-ahead recorded after that reaction (record it with its note), then starts again at the lowest step.
plan-blocked-consult = The plan paused for { $why } Resume once a clinician has seen you and you record their go-ahead with its note.
