### Screening: the daily cap in words, D3 over the cap, the screening headline and the limits.

# The daily cap with the rules that set it: "120 ml (M4)".
cap-text = { $ml } ml ({ $rules })
# D3 when the app's default cap is in force; $limit is cap-text. The rule's advice follows.
rule-D3-over-default = { $total } ml today; your limit is { $limit }.
# D3 when a rule for the profile set the cap (e.g. M4); replaces the rule's advice.
rule-D3-over-set = { $total } ml today; your limit is { $limit }, set by that rule for your profile. Large amounts add potassium, sodium and magnesium and can overload the gut with microbes: keep to your limit.

# One line on the screening result. $rules: the consult rules a clinician has not yet cleared.
screening-headline-stop = Kefir is not advised for you now: see the findings.
screening-headline-consult = Talk to a clinician first: your plan can start once you record their go-ahead ({ $rules }).
screening-headline-cleared = Your clinician's go-ahead is recorded: you can start your plan within your limits.
screening-headline-caution = You can start your plan, within your limits.
screening-headline-clear = You can start your plan.

# The constraints in words. $rules: the rule ids that set each one.
limit-cap = At most { $ml } ml a day ({ $rules }).
limit-start = Start with at most { $ml } ml a day ({ $rules }).
limit-no-milk = No milk kefir: water or plant-based kefir only ({ $rules }).
limit-no-homemade = No homemade kefir ({ $rules }).
# $medicine is the medicine class code (M1-M3 have spacing).
limit-spacing = Kefir { $after } h after each { $medicine ->
        [antibiotic] antibiotic
        [immunosuppressant] immunosuppressant
        [fluoroquinolone_or_tetracycline] fluoroquinolone or tetracycline
       *[other] medicine
    } dose and { $before } h before the next ({ $rule }).
