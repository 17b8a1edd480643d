### Medicine spacing (M1-M3): the status lines of Today and the warnings of drinks and doses inside a window.
### $medicine is a medicine class code; $rule a rule id; times are local HH:MM.

# A drink logged inside an open window (the rule's advice follows).
spacing-drink-inside = This drink was inside the { $medicine ->
        [antibiotic] antibiotic
        [immunosuppressant] immunosuppressant
        [fluoroquinolone_or_tetracycline] fluoroquinolone or tetracycline
       *[other] medicine
    } spacing window ({ $start } - { $end }).

# One status line per medicine class. $label: the medicine class's label.
spacing-status-blocked = { $label }: kefir allowed again at { $time } ({ $rule })
spacing-status-until = { $label }: kefir allowed now, until { $time } before the next dose ({ $rule })
spacing-status-allowed = { $label }: kefir allowed now ({ $rule })

# A dose logged with kefir inside its window (stored as a message reference).
# $at: the drink's local date and time; $gap_h, $gap_min: time between drink and dose;
# $side: before or after (the kefir relative to the dose); $before, $after: the rule's hours.
spacing-dose-breach = Your { $ml } ml of kefir at { $at } was { $gap_h ->
        [0] { $gap_min } min
       *[other] { $gap_h } h { $gap_min } min
    } { $side ->
        [before] before
       *[after] after
    } this { $medicine ->
        [antibiotic] antibiotic
        [immunosuppressant] immunosuppressant
        [fluoroquinolone_or_tetracycline] fluoroquinolone or tetracycline
       *[other] medicine
    } dose; { $rule } asks for kefir at least { $before } h before a dose or { $after } h after it.
