### Notifications: titles and bodies the shells schedule verbatim.

reminder-checkin-title = Daily check-in
reminder-checkin-body = How did today go? Log any symptoms and your stool type: it takes a minute.
reminder-yesterday-title = Yesterday's check-in
reminder-yesterday-body = Yesterday's check-in is still open: you can fill it in until midnight tonight.
reminder-drink-title = Kefir reminder
reminder-drink-body = Today's kefir: { $ml } ml. Best in the morning or after a meal (D5).
# $time is HH:MM; $rules the spacing rule ids (M1, M3).
reminder-drink-moved = Moved to { $time }: your medicine spacing window ends then ({ $rules }).
reminder-spacing-title = Kefir allowed again
reminder-spacing-body = { $medicines }: the spacing has ended ({ $rules }). Kefir is allowed again.
reminder-your-medicine = Your medicine
# The last joint of a list: "Antibiotic, Immunosuppressant and MAO inhibitor".
reminder-list-and = { $init } and { $last }

## The lock-screen (public) version of every notification: it names no
## medicine, medicine class, symptom or amount.
reminder-public-title = Kefir Start
reminder-public-checkin = Time for your check-in
reminder-public-body = A reminder from Kefir Start
# Several notifications due at the same moment, shown as one; $n ≥ 2.
reminder-public-several = { $n ->
    [one] { $n } reminder from Kefir Start
   *[other] { $n } reminders from Kefir Start
}
