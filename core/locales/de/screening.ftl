### Screening: Tagesgrenze, D3 über der Grenze, Kopfzeile und Grenzen in Worten.

cap-text = { $ml } ml ({ $rules })
rule-D3-over-default = Heute { $total } ml; Ihre Grenze ist { $limit }.
rule-D3-over-set = Heute { $total } ml; Ihre Grenze ist { $limit }, von dieser Regel für Ihr Profil festgelegt. Große Mengen liefern viel Kalium, Natrium und Magnesium und können den Darm mit Mikroben überlasten: Halten Sie Ihre Grenze ein.

screening-headline-stop = Kefir wird Ihnen derzeit nicht empfohlen: Siehe die Hinweise.
screening-headline-consult = Sprechen Sie zuerst mit einer Ärztin oder einem Arzt: Ihr Plan kann beginnen, sobald Sie deren Zustimmung erfasst haben ({ $rules }).
screening-headline-cleared = Die ärztliche Zustimmung ist erfasst: Sie können Ihren Plan innerhalb Ihrer Grenzen beginnen.
screening-headline-caution = Sie können Ihren Plan beginnen, innerhalb Ihrer Grenzen.
screening-headline-clear = Sie können Ihren Plan beginnen.

limit-cap = Höchstens { $ml } ml pro Tag ({ $rules }).
limit-start = Beginnen Sie mit höchstens { $ml } ml pro Tag ({ $rules }).
limit-no-milk = Kein Milchkefir: nur Wasserkefir oder pflanzlicher Kefir ({ $rules }).
limit-no-homemade = Kein selbstgemachter Kefir ({ $rules }).
limit-spacing = Kefir { $after } h nach jeder { $medicine ->
        [antibiotic] Antibiotika-Dosis
        [immunosuppressant] Immunsuppressiva-Dosis
        [fluoroquinolone_or_tetracycline] Dosis des Fluorchinolons oder Tetrazyklins
       *[other] Arzneimitteldosis
    } und { $before } h vor der nächsten ({ $rule }).
