### Интервал с лекарствами (M1-M3): строки состояния и предупреждения о напитках и дозах внутри интервала.

spacing-drink-inside = Этот напиток пришёлся на интервал { $medicine ->
        [antibiotic] антибиотика
        [immunosuppressant] иммуносупрессора
        [fluoroquinolone_or_tetracycline] фторхинолона или тетрациклина
       *[other] лекарства
    } ({ $start } - { $end }).

spacing-status-blocked = { $label }: кефир снова можно в { $time } ({ $rule })
spacing-status-until = { $label }: кефир можно сейчас, до { $time } перед следующей дозой ({ $rule })
spacing-status-allowed = { $label }: кефир можно сейчас ({ $rule })

spacing-dose-breach = Ваши { $ml } мл кефира в { $at } были { $side ->
        [before] за
       *[after] через
    } { $gap_h ->
        [0] { $gap_min } мин
       *[other] { $gap_h } ч { $gap_min } мин
    } { $side ->
        [before] до
       *[after] после
    } этой дозы { $medicine ->
        [antibiotic] антибиотика
        [immunosuppressant] иммуносупрессора
        [fluoroquinolone_or_tetracycline] фторхинолона или тетрациклина
       *[other] лекарства
    }; { $rule } требует пить кефир не менее чем за { $before } ч до дозы или через { $after } ч после неё.
