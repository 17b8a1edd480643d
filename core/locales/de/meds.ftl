### Abstand zu Arzneimitteln (M1-M3): Statuszeilen und Warnungen zu Getränken und Dosen im Abstandsfenster.

spacing-drink-inside = Dieses Getränk lag im Abstandsfenster { $medicine ->
        [antibiotic] des Antibiotikums
        [immunosuppressant] des Immunsuppressivums
        [fluoroquinolone_or_tetracycline] des Fluorchinolons oder Tetrazyklins
       *[other] des Arzneimittels
    } ({ $start } - { $end }).

spacing-status-blocked = { $label }: Kefir wieder erlaubt um { $time } ({ $rule })
spacing-status-until = { $label }: Kefir jetzt erlaubt, bis { $time } vor der nächsten Dosis ({ $rule })
spacing-status-allowed = { $label }: Kefir jetzt erlaubt ({ $rule })

spacing-dose-breach = Ihre { $ml } ml Kefir um { $at } lagen { $gap_h ->
        [0] { $gap_min } min
       *[other] { $gap_h } h { $gap_min } min
    } { $side ->
        [before] vor
       *[after] nach
    } dieser Dosis { $medicine ->
        [antibiotic] des Antibiotikums
        [immunosuppressant] des Immunsuppressivums
        [fluoroquinolone_or_tetracycline] des Fluorchinolons oder Tetrazyklins
       *[other] des Arzneimittels
    }; { $rule } verlangt Kefir mindestens { $before } h vor einer Dosis oder { $after } h danach.
