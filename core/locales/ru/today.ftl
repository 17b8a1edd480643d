### Экран «Сегодня»: заголовок и предупреждения о лекарствах.
### Needs review by a native-speaking clinician before release.

today-done = На сегодня всё: { $drunk } из { $target } мл.
today-to-go = Сегодня: { $target } мл кефира, осталось { $left } мл.
today-welcome = Добро пожаловать: сначала ответьте на вопросы опроса, затем начните план.
today-ready = Когда будете готовы, начните план.

