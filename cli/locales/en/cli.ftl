### The `kefir` CLI's own chrome: headings, labels, table headers, units,
### success messages and hints. The domain words (levels, conditions,
### medicines, rule texts, headlines, limits) come from the core's catalogue
### (core/locales), not from here. This file is the CLI's only: it is not
### shipped to the phones. Same ids and variables in en, de and ru.
### English is the reference text.

yes = yes
no = no
on = on
off = off
none = -
ml = ml
error-prefix = kefir: error:
output-lost = could not write the output ({ $reason }); { $what }
output-lost-saved = the change was saved
output-lost-unchanged = nothing was changed

# Drinks
logged = logged { $drink }
no-drinks = no drinks in this range
drinks-count = { $n ->
    [one] ({ $n } drink)
   *[other] ({ $n } drinks)
}
deleted = deleted drink { $id } (undo: kefir undo { $id })
dose-logged = dose logged: { $medicine } at { $time }

# Today
today-title = Today { $date } ({ $zone })
today-drunk-of = drunk: { $drunk } of { $target } ml
today-drunk = drunk: { $drunk } ml
today-decision = decision:
today-plan = plan: step { $step } of { $steps } ({ $status })
today-goal = , goal { $ml } ml by { $date }
today-spacing = spacing:
checkin-due = check-in due today
checkin-due-yesterday = check-in due today (yesterday's can still be filled in)

# Hints naming the CLI command that does what a core text asks for
hint-ack = record a clinician's go-ahead with `kefir profile ack --note "who said what"`
hint-resume = resume with `kefir plan resume`
hint-restart = restart with `kefir plan restart`
hint-start = start with `kefir plan start` (screening first: `kefir profile set ...`)

# Screening and profile
screening-title = Screening: { $level }
conditions = conditions:
medicines = medicines:
allowed = allowed:
cleared-on = clinician's go-ahead reported by you on { $date } (not verified by the app)
talk-first = talk to a clinician before starting ({ $rules }); then `kefir profile ack`
may-start = may start a plan:
ack-recorded = clinician go-ahead recorded ({ $at })
profile-name = name:
profile-age = age band:
profile-kinds = preferred kinds:
profile-sources = preferred sources:
no-profile = no profile saved yet
history-line = { $saved }  { $age }; conditions: { $conditions }; medicines: { $medicines }

# Reminders
# A weekday, short; $day: 1 = Monday ... 7 = Sunday.
weekday = { $day ->
    [1] Mon
    [2] Tue
    [3] Wed
    [4] Thu
    [5] Fri
    [6] Sat
   *[7] Sun
}
remind-checkin = check-in reminders:
remind-days = days:
every-day = every day
remind-quiet = quiet hours:
remind-drink = drink reminder:
remind-spacing = medicine spacing alerts:
remind-zone = time zone:

# Check-ins and reactions
emergency = EMERGENCY:
no-spacing = no medicine spacing applies now

# Plan
plan-since = Plan since { $day } ({ $status }): steps { $steps } ml, hold { $hold ->
    [one] { $hold } day
   *[other] { $hold } days
}
plan-goal-by = , goal by { $date }
plan-step = step { $step } of { $steps }
no-plan = No plan yet. Start: between { $min } and { $max } ml, target { $tmin }-{ $tmax } ml.
plan-blocked = blocked:
plan-days = days (the decision that stands, newest first):
plan-events = events (oldest first):

# Backup, wipe
backup-written = backup written to { $file }
imported = imported { $drinks ->
    [one] { $drinks } drink
   *[other] { $drinks } drinks
}, { $checkins ->
    [one] { $checkins } check-in
   *[other] { $checkins } check-ins
}, { $reactions ->
    [one] { $reactions } reaction
   *[other] { $reactions } reactions
}, { $doses ->
    [one] { $doses } dose
   *[other] { $doses } doses
}, { $plans ->
    [one] { $plans } plan
   *[other] { $plans } plans
}, { $versions ->
    [one] { $versions } profile version
   *[other] { $versions } profile versions
}
wiped = all data deleted

# Doctor summary (report)
summary-title = Summary { $from } to { $to } ({ $zone })
summary-totals = total { $ml } ml in { $drinks ->
    [one] { $drinks } drink
   *[other] { $drinks } drinks
}; { $days ->
    [one] { $days } day
   *[other] { $days } days
} with kefir, mean { $mean } ml, max { $max } ml
summary-checkins = check-ins { $checkins } of { $days ->
    [one] { $days } day
   *[other] { $days } days
} ({ $pct } %); on target { $on } of { $with ->
    [one] { $with } day
   *[other] { $with } days
}
summary-plan = plan { $status } since { $since }:
summary-no-plan = no introduction plan in this period
summary-screening = screening:
course-ongoing = ongoing
course-completed = completed
summary-course = medicine { $name }({ $label }): { $first } to { $last }, { $doses ->
    [one] { $doses } dose
   *[other] { $doses } doses
}, { $state }
summary-red-flag = red flag
summary-spacing = spacing
summary-spacing-at = (at { $n } doses)
summary-breach = limit not kept
summary-wrote = wrote { $file }

# Demo
demo-title = Simulated introduction: { $days ->
    [one] { $days } day
   *[other] { $days } days
} from { $date } ({ $zone })
demo-col-date = date
demo-col-decision = decision
demo-col-target = target
demo-col-drunk = drunk
demo-col-checkin = check-in
demo-col-rules = rules
demo-missed = missed
demo-summary-title = Doctor summary { $from } to { $to }:
demo-totals = { $ml } ml in { $drinks ->
    [one] { $drinks } drink
   *[other] { $drinks } drinks
} over { $days ->
    [one] { $days } day
   *[other] { $days } days
} ({ $mean } ml a day on days with kefir); check-ins on { $pct } % of days; on target { $on } of { $with ->
    [one] { $with } day
   *[other] { $with } days
}
demo-every = , every { $hours } h
demo-spacing-kept = ; spacing kept ({ $rule })
demo-spacing-missed = ; spacing missed { $n } time(s) ({ $rule })
demo-course = medicine: { $name }({ $label }) { $first } to { $last }{ $every }, { $doses ->
    [one] { $doses } dose
   *[other] { $doses } doses
}, { $state }{ $spacing }
demo-database = database:

# App lock
lock-after = locks:
lock-choices = --after MINUTES:
lock-offer = Not chosen yet: `kefir lock on` turns it on, `kefir lock off` answers no.
lock-cli-note = The lock itself works in the phone apps; here you see and change the setting.
remind-lock-screen = lock screen:
remind-lock-screen-private = private (a version naming no medicine, symptom or amount)
remind-lock-screen-full = full text
remind-next-public = on the lock screen:
remind-next-public-unused = public version (full text is shown instead):

# Backup encryption
warning-prefix = kefir: warning:
backup-strength = Passphrase strength: { $level }
backup-too-weak = The passphrase is too weak.
backup-no-passphrase-export = an encrypted backup needs a passphrase: set KEFIR_BACKUP_PASSPHRASE, or run kefir in a terminal to be asked (never on the command line)
backup-no-passphrase-import = the backup is encrypted: set KEFIR_BACKUP_PASSPHRASE, or run kefir in a terminal to be asked (never on the command line); nothing was changed

# Backup hardening (issue 17, breaker findings)
backup-env-empty = KEFIR_BACKUP_PASSPHRASE is set but empty: put the backup's passphrase in it, or unset it to be asked in a terminal; nothing was changed
backup-no-passphrase-entered = no passphrase was entered; nothing was changed
