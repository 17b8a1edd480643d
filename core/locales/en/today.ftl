### The Today screen: headline, and the dose warnings it shows.

today-done = Done for today: { $drunk } of { $target } ml.
today-to-go = Today: { $target } ml of kefir, { $left } ml to go.
today-welcome = Welcome: answer the screening questions first, then start your plan.
today-ready = Ready when you are: start your plan.

# A dose logged near kefir (M1-M3). $side is "before" or "after"; $at is
# "YYYY-MM-DD HH:MM"; $mm the minutes as two digits; $medicine the medicine class in running text.
dose-warning-detail = Your { $ml } ml of kefir at { $at } was { $hours ->
        [0] { $minutes } min
       *[other] { $hours } h { $mm } min
    } { $side ->
        [before] before
       *[after] after
    } this { $medicine } dose; { $rule } asks for kefir at least { $before } h before a dose or { $after } h after it.
