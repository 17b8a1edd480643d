### Собственный интерфейс командной строки `kefir`: заголовки, подписи,
### заголовки таблиц, единицы, сообщения об успехе и подсказки. Предметные
### слова (уровни, состояния, лекарства, тексты правил, заголовки, ограничения)
### берутся из каталога ядра (core/locales). Только для командной строки;
### в приложения для телефонов не входит.
### NEEDS REVIEW: Russian needs review by a native speaker (and, for the
### health wording, a native-speaking clinician) before release. Address: "вы".

yes = да
no = нет
on = вкл.
off = выкл.
none = -
ml = мл
error-prefix = kefir: ошибка:
output-lost = не удалось записать вывод ({ $reason }); { $what }
output-lost-saved = изменение сохранено
output-lost-unchanged = ничего не изменено

# Напитки
logged = записано { $drink }
no-drinks = за этот период напитков нет
drinks-count = { $n ->
    [one] ({ $n } напиток)
    [few] ({ $n } напитка)
    [many] ({ $n } напитков)
   *[other] ({ $n } напитка)
}
deleted = напиток { $id } удалён (отменить: kefir undo { $id })
dose-logged = доза записана: { $medicine }, { $time }

# Сегодня
today-title = Сегодня, { $date } ({ $zone })
today-drunk-of = выпито: { $drunk } из { $target } мл
today-drunk = выпито: { $drunk } мл
today-decision = решение:
today-plan = план: шаг { $step } из { $steps } ({ $status })
today-goal = , цель { $ml } мл к { $date }
today-spacing = интервал:
checkin-due = сегодня нужно заполнить дневник
checkin-due-yesterday = сегодня нужно заполнить дневник (вчерашний ещё можно заполнить)

# Подсказки: команда, которая делает то, о чём просит текст ядра
hint-ack = запишите разрешение врача: `kefir profile ack --note "кто что сказал"`
hint-resume = продолжить: `kefir plan resume`
hint-restart = начать заново: `kefir plan restart`
hint-start = начать: `kefir plan start` (сначала анкета: `kefir profile set ...`)

# Анкета и профиль
screening-title = Анкета: { $level }
conditions = состояния:
medicines = лекарства:
allowed = разрешено:
cleared-on = разрешение врача указано вами { $date } (приложение его не проверяло)
talk-first = перед началом поговорите с врачом ({ $rules }); затем `kefir profile ack`
may-start = можно начать план:
ack-recorded = разрешение врача записано ({ $at })
profile-name = имя:
profile-age = возрастная группа:
profile-kinds = предпочитаемые виды:
profile-sources = предпочитаемое происхождение:
no-profile = профиль ещё не сохранён
history-line = { $saved }  { $age }; состояния: { $conditions }; лекарства: { $medicines }

# Напоминания
# A weekday, short; $day: 1 = Monday ... 7 = Sunday.
weekday = { $day ->
    [1] Пн
    [2] Вт
    [3] Ср
    [4] Чт
    [5] Пт
    [6] Сб
   *[7] Вс
}
remind-checkin = напоминания о дневнике:
remind-days = дни:
every-day = каждый день
remind-quiet = тихие часы:
remind-drink = напоминание о напитке:
remind-spacing = оповещения об интервале с лекарствами:
remind-zone = часовой пояс:

# Дневник и реакции
emergency = НЕОТЛОЖНАЯ ПОМОЩЬ:
no-spacing = сейчас интервал с лекарствами не требуется

# План
plan-since = План с { $day } ({ $status }): шаги { $steps } мл, каждый держать { $hold ->
    [one] { $hold } день
    [few] { $hold } дня
    [many] { $hold } дней
   *[other] { $hold } дня
}
plan-goal-by = , цель к { $date }
plan-step = шаг { $step } из { $steps }
no-plan = Плана ещё нет. Начало: от { $min } до { $max } мл, цель { $tmin }–{ $tmax } мл.
plan-blocked = заблокировано:
plan-days = дни (действующее решение, сначала новые):
plan-events = события (сначала старые):

# Резервная копия, удаление
backup-written = резервная копия записана в { $file }
imported = загружено: напитков: { $drinks }, записей дневника: { $checkins }, реакций: { $reactions }, доз: { $doses }, планов: { $plans }, версий профиля: { $versions }
wiped = все данные удалены

# Сводка для врача (report)
summary-title = Сводка с { $from } по { $to } ({ $zone })
summary-totals = всего { $ml } мл, { $drinks ->
    [one] { $drinks } напиток
    [few] { $drinks } напитка
    [many] { $drinks } напитков
   *[other] { $drinks } напитка
}; { $days ->
    [one] { $days } день
    [few] { $days } дня
    [many] { $days } дней
   *[other] { $days } дня
} с кефиром, в среднем { $mean } мл, максимум { $max } мл
summary-checkins = дневник заполнен { $checkins } из { $days ->
    [one] { $days } дня
   *[other] { $days } дней
} ({ $pct } %); цель соблюдена { $on } из { $with ->
    [one] { $with } дня
   *[other] { $with } дней
}
summary-plan = план { $status } с { $since }:
summary-no-plan = в этот период плана введения не было
summary-screening = анкета:
course-ongoing = продолжается
course-completed = завершён
summary-course = лекарство { $name }({ $label }): с { $first } по { $last }, { $doses ->
    [one] { $doses } доза
    [few] { $doses } дозы
    [many] { $doses } доз
   *[other] { $doses } дозы
}, { $state }
summary-red-flag = тревожный признак
summary-spacing = интервал
summary-spacing-at = (при { $n ->
    [one] { $n } дозе
   *[other] { $n } дозах
})
summary-breach = ограничение не соблюдено
summary-wrote = записано: { $file }

# Демо
demo-title = Имитация введения: { $days ->
    [one] { $days } день
    [few] { $days } дня
    [many] { $days } дней
   *[other] { $days } дня
} с { $date } ({ $zone })
demo-col-date = дата
demo-col-decision = решение
demo-col-target = цель
demo-col-drunk = выпито
demo-col-checkin = дневник
demo-col-rules = правила
demo-missed = пропущен
demo-summary-title = Сводка для врача с { $from } по { $to }:
demo-totals = { $ml } мл, { $drinks ->
    [one] { $drinks } напиток
    [few] { $drinks } напитка
    [many] { $drinks } напитков
   *[other] { $drinks } напитка
} за { $days ->
    [one] { $days } день
    [few] { $days } дня
    [many] { $days } дней
   *[other] { $days } дня
} ({ $mean } мл в день в дни с кефиром); дневник заполнен в { $pct } % дней; цель соблюдена { $on } из { $with ->
    [one] { $with } дня
   *[other] { $with } дней
}
demo-every = , каждые { $hours } ч
demo-spacing-kept = ; интервал соблюдён ({ $rule })
demo-spacing-missed = ; интервал нарушен { $n ->
    [one] { $n } раз
    [few] { $n } раза
    [many] { $n } раз
   *[other] { $n } раза
} ({ $rule })
demo-course = лекарство: { $name }({ $label }) с { $first } по { $last }{ $every }, { $doses ->
    [one] { $doses } доза
    [few] { $doses } дозы
    [many] { $doses } доз
   *[other] { $doses } дозы
}, { $state }{ $spacing }
demo-database = база данных:

# App lock
lock-after = блокируется:
lock-choices = --after МИНУТЫ:
lock-offer = Ещё не выбрано: `kefir lock on` включает блокировку, `kefir lock off` — отказ.
lock-cli-note = Сама блокировка работает в приложениях для телефона; здесь вы видите и меняете настройку.
remind-lock-screen = экран блокировки:
remind-lock-screen-private = скрыто (версия без лекарств, симптомов и количеств)
remind-lock-screen-full = полный текст
remind-next-public = на экране блокировки:
remind-next-public-unused = публичная версия (вместо неё показывается полный текст):

# Backup encryption
warning-prefix = kefir: предупреждение:
backup-strength = Надёжность парольной фразы: { $level }
backup-too-weak = Парольная фраза слишком слабая.
backup-no-passphrase-export = для зашифрованной копии нужна парольная фраза: задайте KEFIR_BACKUP_PASSPHRASE или запустите kefir в терминале, чтобы её ввести (никогда в командной строке)
backup-no-passphrase-import = копия зашифрована: задайте KEFIR_BACKUP_PASSPHRASE или запустите kefir в терминале, чтобы её ввести (никогда в командной строке); ничего не изменено

# Backup hardening (issue 17, breaker findings)
backup-env-empty = KEFIR_BACKUP_PASSPHRASE задана, но пуста: укажите в ней пароль копии или удалите переменную, чтобы ввести его в терминале; ничего не изменено
backup-no-passphrase-entered = пароль не введён; ничего не изменено
