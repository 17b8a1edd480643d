### The doctor summary (PDF, CSV headers, FHIR texts). English is the reference catalogue.
### Ids: r-* PDF and shared summary texts, f-* FHIR free texts and narratives, csv-* CSV column headers.

## Dates and numbers
# A date in tables and short lines: $y, $m, $d are zero-padded digits.
r-date = { $y }-{ $m }-{ $d }
# Chart axis labels; $month is 1-12, $day zero-padded.
r-day-month = { $day } { $month ->
        [1] Jan
        [2] Feb
        [3] Mar
        [4] Apr
        [5] May
        [6] Jun
        [7] Jul
        [8] Aug
        [9] Sep
        [10] Oct
        [11] Nov
       *[12] Dec
    }
r-month-year = { $month ->
        [1] Jan
        [2] Feb
        [3] Mar
        [4] Apr
        [5] May
        [6] Jun
        [7] Jul
        [8] Aug
        [9] Sep
        [10] Oct
        [11] Nov
       *[12] Dec
    } { $year }

## Page 1
r-doc-title = Kefir introduction: doctor summary { $from } to { $to }
r-title = Kefir introduction – doctor summary
r-patient = { $name } · age band: { $band }
r-patient-noname = Name not given · age band: { $band }
r-patient-none = Name and age band not given
r-period = Period: { $from } to { $to } ({ $days } { $days ->
        [one] day
       *[other] days
    })
r-meta = Times in { $zone } · generated { $at } · Kefir Start app version { $version }
r-tile-total = Total intake
r-tile-drinks = { $n } { $n ->
        [one] drink
       *[other] drinks
    }
r-tile-days = Days with intake
r-tile-pct-days = { $pct }% of days
r-tile-mean = Mean per day
r-tile-mean-sub = intake days only
r-tile-max = Highest day
r-tile-on = on { $date }
r-tile-no-intake = no intake
r-tile-adherence = Check-in adherence
r-tile-of-days = { $n } of { $days ->
        [one] { $days } day
       *[other] { $days } days
    }
r-ml = { $ml } ml
r-ml-unit = ml
r-tile-on-target = Days on target
r-tile-on-target-sub = within 10% of plan
r-plan-line = Plan { $status } since { $since }
r-no-plan = No introduction plan in this period.
r-status-active = active
r-status-paused = paused
r-status-stopped = stopped
r-no-profile = No profile had been saved by the end of this period.
r-none = none
r-allergy-item = { $item } (allergy)
r-conditions-line = Conditions and allergies: { $list }
r-profile-from = Profile in force from { $date }: { $what }
r-profile-changed = Profile changed { $date }: { $what }
r-note = Note: “{ $note }”
r-clearance-line = Clinician clearance reported by the user on { $date } for { $rules } (not verified by the app).
r-clearance-needed = Clinician clearance needed; none recorded by the user.
r-med-line = { $name }: { $n } { $n ->
        [one] dose
       *[other] doses
    } in the period{ $outside }, first { $first }, last { $last }{ $every }, { $state }{ $spacing }
r-outside = {" "}({ $after ->
        [0] { $before } before it
       *[other] { $before ->
            [0] { $after } after it
           *[other] { $before } before it, { $after } after it
        }
    })
r-med-every = , every { $h } h
r-med-kept = ; kefir spacing kept ({ $rule })
r-med-missed = ; kefir spacing missed by { $n } { $n ->
        [one] drink
       *[other] drinks
    } ({ $rule })
r-ongoing = ongoing
r-completed = completed
r-med-no-doses = { $name }: listed in the profile, no doses logged
r-flag = { $time } { $level } ({ $rules }) in a { $source }: { $what }.
r-flag-drink = Last drink before: { $time }, { $ml } ml { $kind } ({ $source }).
r-flag-no-drink = No drink in the 48 h before.
r-flag-said = The app said: { $advice }
r-h-reported = Reported by the user
r-h-medicines = Medicines ({ $n })
r-h-red-flags = Red flags ({ $n })
r-h-breaches = Limits not kept ({ $n })
r-h-screening = Screening
r-nothing-reported = Nothing reported.
r-none-reported-period = None reported in this period.
r-none-recorded-period = None recorded in this period.
r-no-breaches = None: every drink kept the limits in force.
r-no-findings = No screening findings.
r-screening-note = overall level from { $n } { $n ->
        [one] finding
       *[other] findings
    }
r-screening-no-profile = no profile saved by the end of the period
r-more = … and { $n } more: see the full list in the appendix.
r-level-info = info
r-level-caution = caution
r-level-consult = consult
r-level-stop = stop
r-level-emergency = emergency

## Where a red flag or note was written
r-src-check-in = check-in
r-src-reaction-report = reaction report
r-src-reaction = reaction
r-src-drink = drink
r-src-dose = dose
r-src-clearance = clearance

## Plan events
r-ev-start = start
r-ev-advance = advance
r-ev-hold = hold
r-ev-step_back = step back
r-ev-pause = pause
r-ev-stop = stop
r-ev-maintain = maintain
r-ev-paused = paused
r-ev-stopped = stopped
r-ev-resume = resume
r-ev-restart = restart

## Chart
r-chart-title = Daily kefir intake (ml) against the plan target, with symptoms
r-chart-intake = Intake
r-chart-target = Plan target
r-chart-worst = Worst symptom:
r-chart-red-flag = Red flag
r-chart-no-dot = no dot: no check-in
r-no-days = No days in this period.

## Appendix tables
r-continued = { $title } (continued)
r-h-findings = Screening findings (overall: { $level })
r-c-rule = Rule
r-c-level = Level
r-c-finding = Finding and advice
r-c-source = Source
r-h-flags-context = Red flags in context
r-c-time = Time
r-c-rules = Rules
r-c-flag = What was reported, the last drink, the note and what the app said
r-h-daily = Daily log
r-c-date = Date
r-c-intake = Intake (ml)
r-c-target = Target (ml)
r-c-event = Plan event
r-c-worst = Worst symptom of the day
r-c-bristol = Bristol
r-no-checkin = no check-in
r-no-symptoms = no symptoms
r-no-plan-cell = no plan
r-bristol-cell = type { $type }
r-h-symptoms = Symptoms reported
r-c-symptom = Symptom
r-c-snomed = SNOMED CT
r-c-days-present = Days present
r-c-worst-sev = Worst
r-no-symptoms-period = No symptoms reported in this period.
r-h-events = Plan events
r-c-event-short = Event
r-c-reason = Reason
r-no-events = No plan events in this period.
r-h-courses = Medicine courses (from logged doses)
r-c-medicine = Medicine
r-c-first-dose = First dose
r-c-last-dose = Last dose
r-c-interval = Interval
r-c-doses = Doses
r-c-status = Status
r-c-spacing = Kefir spacing
r-kept-cell = kept ({ $rule })
r-missed-cell = missed: { $n } drink(s) ({ $rule })
r-no-rule = no rule
r-no-doses = No doses logged in this period.
r-h-breaches-full = Limits not kept (recomputed from the log and the profile in force)
r-c-what = What
r-none-period = None in this period.
r-h-notes = Notes written by the user
r-c-with = With
r-c-note = Note
r-no-notes = No notes in this period.
r-h-profiles = Profile versions in force during the period
r-c-saved = Saved
r-in-force-start = in force at the start
r-changed-period = changed in the period
r-no-profile-short = No profile saved by the end of the period.
r-h-by-kind = Kefir drunk by kind
r-h-by-source = Kefir drunk by source
r-c-kind = Kind
r-c-ml = ml
r-c-drinks = Drinks
r-c-share = Share of ml
r-nothing-drunk = Nothing drunk in this period.
r-h-conditions = Conditions and allergies (reported by the user)
r-c-item = Item
r-c-type = Type
r-c-code = App code
r-allergy = allergy
r-condition = condition
r-none-reported = None reported.
r-h-medicines-profile = Medicines in the profile at the end of the period (by class, reported by the user)
r-c-med-class = Medicine class
r-h-limits = Limits in force
r-c-limit = Limit
r-c-value = Value
r-lim-max = Most per day
r-lim-kinds = Kinds allowed
r-lim-sources = Sources allowed
r-lim-clearance = Clinician clearance
r-lim-cleared = needed; the user reported on { $date } that a clinician cleared { $rules }{ $note } (not verified)
r-lim-needed = needed before continuing; not reported by the user
r-lim-not-needed-cleared = not needed (the user reported a clearance on { $date })
r-lim-not-needed = not needed
r-lim-spacing = Spacing from medicines
r-h-how = How to read this summary
r-how-1 = Data are entered by the user in the app; nothing here was measured or verified by a clinician.
r-how-2 = Mean per intake day counts only days with intake. Days on target: days with a plan target where intake was within 10% of it. Check-in adherence: days with a check-in out of all days in the period.
r-how-3 = Symptom severity is rated by the user on a 4-level scale (none, mild, moderate, severe); the worst rating of the day is shown. Stool form uses the Bristol Stool Form Scale, types 1-7 (Lewis & Heaton, Scand J Gastroenterol 1997;32:920).
r-how-4 = Rule ids (D, S, P, M, H) refer to the app's safety rules table, which names the evidence for each rule; the 200 ml daily maximum is a product default, not a published limit.
r-h-bristol = Bristol stool form: check-ins per type ({ $n } recorded)
r-no-bristol = No stool form recorded in this period.
# Short forms of the Bristol Stool Form Scale types for the chart.
r-bristol-1 = Separate hard lumps
r-bristol-2 = Lumpy, sausage-shaped
r-bristol-3 = Sausage with cracks
r-bristol-4 = Smooth, soft sausage
r-bristol-5 = Soft blobs, clear edges
r-bristol-6 = Mushy, ragged edges
r-bristol-7 = Watery, no solid pieces

## Footer and header
r-header = Kefir introduction – doctor summary · { $name } · { $from } to { $to }
r-no-name = name not given
r-version = Kefir Start app version { $version } · generated { $at }
r-no-font = no font for { $chars } (shown as ?)
r-page = Page { $n } of { $of }

## Texts the summary record carries
r-saved-empty = profile saved: no conditions or medicines
r-saved-items = profile saved: { $items }
r-added = added { $item }
r-removed = removed { $item }
r-age-band = age band { $band }
r-saved-again = profile saved again (no change to conditions or medicines)
r-spacing = { $med }: kefir { $after } h after a dose, { $before } h before the next ({ $rule })
r-b-ruled-out = { $ml } ml { $kind } ({ $source }) at { $at }: ruled out by the screening
r-b-spacing = { $ml } ml { $kind } ({ $source }) at { $at }: inside a medicine spacing window
r-b-cap = { $whole } ml on { $date }: { $total } ml by { $at }, over the { $cap } ml limit in force then
r-b-stopped = { $ml } ml { $kind } at { $at }: drunk while the plan was stopped ({ $rules })

## FHIR free texts and narratives (codings keep their code systems' English displays)
f-plan-status = Kefir introduction plan status at the end of the period
f-plan-event = Kefir introduction plan event
f-target = Target for the day
f-target-note = Plan target { $ml } mL{ $event }.
f-breach = Kefir limit from the screening not kept
f-intake = Kefir intake
f-bristol = Bristol stool form score
f-note = Diary note ({ $with })
f-rules = { $reason } (rules { $rules })
f-outside = ; { $before } dose(s) before and { $after } after the period
f-every = Every { $h } h;{" "}
f-dosage = { $every }{ $n } doses logged in the period, from { $first } to { $last }{ $outside }
f-spacing-kept = Kefir spacing ({ $rule }) kept: no drink inside a window.
f-spacing-missed = Kefir spacing ({ $rule }) missed: { $n } drink(s) inside a window.
f-reported-in = Reported by the user in a { $source }: { $what }.
f-kefir = Kefir
f-symptom = Symptom
f-severity = Severity
f-severity-of = severity { $severity }
f-patient = Patient (self-reported data)
f-medicine = Medicine: { $name }
f-status = status { $status }
f-st-active = active
f-st-completed = completed
f-condition = Condition
f-allergy = AllergyIntolerance
f-unconfirmed = reported by the patient, unconfirmed
f-yes = yes
f-no = no

## CSV column headers (English: the stable snake_case names)
csv-id = id
csv-time = time
csv-date = date
csv-ml = ml
csv-kind = kind
csv-source = source
csv-note = note
csv-batch_fermentation_hours = batch_fermentation_hours
csv-batch_room_temp_c = batch_room_temp_c
csv-batch_spoilage_signs = batch_spoilage_signs
csv-bristol = bristol
csv-level = level
csv-rule_ids = rule_ids
csv-medicine = medicine
csv-name = name
csv-interval_hours = interval_hours
csv-bloating = bloating
csv-gas = gas
csv-abdominal_pain = abdominal_pain
csv-cramps = cramps
csv-diarrhoea = diarrhoea
csv-constipation = constipation
csv-nausea = nausea
csv-skin_redness = skin_redness
csv-itching = itching
csv-hives = hives
csv-lip_face_tongue_swelling = lip_face_tongue_swelling
csv-itchy_throat = itchy_throat
csv-breathing_difficulty = breathing_difficulty
csv-faintness = faintness
csv-fever_chills = fever_chills
csv-blood_in_stool = blood_in_stool
