### Экран «Сегодня»: заголовок и предупреждения о лекарствах.
### Needs review by a native-speaking clinician before release.

today-done = На сегодня всё: { $drunk } из { $target } мл.
today-to-go = Сегодня: { $target } мл кефира, осталось { $left } мл.
today-welcome = Добро пожаловать: сначала ответьте на вопросы опроса, затем начните план.
today-ready = Когда будете готовы, начните план.

dose-warning-detail = Ваши { $ml } мл кефира в { $at } были выпиты { $side ->
        [before] за { $hours ->
            [0] { $minutes } мин
           *[other] { $hours } ч { $mm } мин
        } до
       *[after] через { $hours ->
            [0] { $minutes } мин
           *[other] { $hours } ч { $mm } мин
        } после
    } этого приёма лекарства ({ $medicine }); правило { $rule } требует пить кефир не менее чем за { $before } ч до приёма или через { $after } ч после него.
