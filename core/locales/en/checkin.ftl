### Check-ins and reaction reports: the headline of an assessment and the emergency screen.

# One line for the result of a check-in or reaction report, by overall level.
checkin-headline-emergency = Stop kefir now and call your local emergency number.
checkin-headline-stop = Stop kefir now and seek medical advice.
checkin-headline-consult = Talk to a clinician before your next kefir.
checkin-headline-caution = Go back to a smaller amount and keep checking in.
checkin-headline-none = No symptoms: well done.
checkin-headline-unruled = Symptoms noted: no rule applies to them; stay at today's amount and keep checking in.
checkin-headline-mild = Mild symptoms are expected while adapting: stay at today's amount.
# Replaces the advice of a lower finding beside a stop/emergency one. $title: that finding's title.
checkin-noted = Noted ({ $title }). Kefir is stopped because of the red flag reported with it: follow that advice first.

# The emergency screen (S5 allergy, S7 infection), steps in order.
emergency-title-allergy = Possible severe allergic reaction
emergency-title-infection = Possible serious infection
emergency-stop = Stop drinking kefir now.
# Region unknown: the number is not named.
emergency-call = Call your local emergency number now (for example 112, 911 or 999).
# Region known: $number is its emergency number.
emergency-call-number = Call your local emergency number now: { $number }.
emergency-adrenaline = If you have an adrenaline (epinephrine) auto-injector, use it as you were shown.
emergency-position = Lie down with your legs raised; if breathing is hard, sit up. Do not stand or walk suddenly.
emergency-company = Do not stay alone: ask someone to stay with you until help arrives.
emergency-infection-care = Get urgent medical care now: call your care team's emergency line or your local emergency number.
emergency-infection-tell = Tell them you have a weakened immune system and have been drinking kefir (a probiotic).
emergency-show-summary = Show this app's summary to the clinician who treats you.
emergency-plan-stopped = Your plan is stopped. It restarts only after a clinician has seen you and you record their go-ahead (dated after this reaction), at the lowest step.
