### Отчёт для врача (PDF, заголовки CSV, тексты FHIR). Перед выпуском требуется проверка врачом — носителем языка.

## Даты и числа
r-date = { $d }.{ $m }.{ $y }
r-day-month = { $day } { $month ->
        [1] янв.
        [2] февр.
        [3] марта
        [4] апр.
        [5] мая
        [6] июня
        [7] июля
        [8] авг.
        [9] сент.
        [10] окт.
        [11] нояб.
       *[12] дек.
    }
r-month-year = { $month ->
        [1] янв.
        [2] февр.
        [3] март
        [4] апр.
        [5] май
        [6] июнь
        [7] июль
        [8] авг.
        [9] сент.
        [10] окт.
        [11] нояб.
       *[12] дек.
    } { $year }

## Страница 1
r-doc-title = Введение кефира: отчёт для врача, { $from } — { $to }
r-title = Введение кефира — отчёт для врача
r-patient = { $name } · возрастная группа: { $band }
r-patient-noname = Имя не указано · возрастная группа: { $band }
r-patient-none = Имя и возрастная группа не указаны
r-period = Период: { $from } — { $to } ({ $days } { $days ->
        [one] день
        [few] дня
        [many] дней
       *[other] дня
    })
r-meta = Время в поясе { $zone } · создано { $at } · Kefir Start, версия { $version }
r-tile-total = Всего выпито
r-tile-drinks = { $n } { $n ->
        [one] приём
        [few] приёма
        [many] приёмов
       *[other] приёма
    }
r-tile-days = Дни с кефиром
r-tile-pct-days = { $pct } % дней
r-tile-mean = В среднем за день
r-tile-mean-sub = только дни с кефиром
r-tile-max = Максимум за день
r-tile-on = { $date }
r-tile-no-intake = не пил(а)
r-tile-adherence = Ежедневные отметки
r-tile-of-days = { $n } из { $days ->
        [one] { $days } дня
       *[other] { $days } дней
    }
r-ml = { $ml } мл
r-ml-unit = мл
r-tile-on-target = Дней в цели
r-tile-on-target-sub = в пределах 10 % от плана
r-plan-line = План { $status } с { $since }
r-no-plan = В этот период плана введения не было.
r-status-active = активен
r-status-paused = приостановлен
r-status-stopped = прекращён
r-no-profile = К концу периода профиль не был сохранён.
r-none = нет
r-allergy-item = { $item } (аллергия)
r-conditions-line = Заболевания и аллергии: { $list }
r-profile-from = Профиль действует с { $date }: { $what }
r-profile-changed = Профиль изменён { $date }: { $what }
r-note = Заметка: «{ $note }»
r-clearance-line = По словам пользователя, { $date } врач разрешил { $rules } (приложением не проверено).
r-clearance-needed = Нужно разрешение врача; пользователь его не отметил.
r-med-line = { $name }: { $n } { $n ->
        [one] приём
        [few] приёма
        [many] приёмов
       *[other] приёма
    } за период{ $outside }, первый { $first }, последний { $last }{ $every }, { $state }{ $spacing }
r-outside = {" "}({ $after ->
        [0] { $before } до периода
       *[other] { $before ->
            [0] { $after } после периода
           *[other] { $before } до периода, { $after } после
        }
    })
r-med-every = , каждые { $h } ч
r-med-kept = ; интервал с кефиром соблюдён ({ $rule })
r-med-missed = ; интервал с кефиром нарушен: { $n } { $n ->
        [one] приём кефира
        [few] приёма кефира
        [many] приёмов кефира
       *[other] приёма кефира
    } ({ $rule })
r-ongoing = продолжается
r-completed = завершён
r-med-no-doses = { $name }: указано в профиле, приёмы не отмечены
r-flag = { $time } { $level } ({ $rules }), источник: { $source }: { $what }.
r-flag-drink = Последний приём кефира до этого: { $time }, { $ml } мл, { $kind } ({ $source }).
r-flag-no-drink = За 48 ч до этого кефир не пили.
r-flag-said = Совет приложения: { $advice }
r-h-reported = Со слов пользователя
r-h-medicines = Лекарства ({ $n })
r-h-red-flags = Тревожные признаки ({ $n })
r-h-breaches = Нарушенные ограничения ({ $n })
r-h-screening = Скрининг
r-nothing-reported = Ничего не указано.
r-none-reported-period = За этот период не указано.
r-none-recorded-period = За этот период не отмечено.
r-no-breaches = Нет: все приёмы в пределах действующих ограничений.
r-no-findings = Замечаний скрининга нет.
r-screening-note = общий уровень по { $n } { $n ->
        [one] замечанию
       *[other] замечаниям
    }
r-screening-no-profile = к концу периода профиль не сохранён
r-more = … и ещё { $n }: полный список в приложении.
r-level-info = инфо
r-level-caution = осторожно
r-level-consult = к врачу
r-level-stop = стоп
r-level-emergency = неотложно

## Где отмечен признак или заметка
r-src-check-in = ежедневная отметка
r-src-reaction-report = сообщение о реакции
r-src-reaction = реакция
r-src-drink = приём кефира
r-src-dose = приём лекарства
r-src-clearance = разрешение врача

## События плана
r-ev-start = начало
r-ev-advance = увеличение
r-ev-hold = без изменений
r-ev-step_back = шаг назад
r-ev-pause = пауза
r-ev-stop = прекращение
r-ev-maintain = поддержание
r-ev-paused = на паузе
r-ev-stopped = прекращён
r-ev-resume = продолжение
r-ev-restart = новое начало

## График
r-chart-title = Кефир за день (мл) в сравнении с целью плана, с симптомами
r-chart-intake = Выпито
r-chart-target = Цель плана
r-chart-worst = Самый сильный симптом:
r-chart-red-flag = Тревожный признак
r-chart-no-dot = нет точки: нет отметки
r-no-days = В этом периоде нет дней.

## Таблицы приложения
r-continued = { $title } (продолжение)
r-h-findings = Замечания скрининга (общий уровень: { $level })
r-c-rule = Правило
r-c-level = Уровень
r-c-finding = Замечание и совет
r-c-source = Источник
r-h-flags-context = Тревожные признаки в контексте
r-c-time = Время
r-c-rules = Правила
r-c-flag = Что отмечено, последний приём кефира, заметка и совет приложения
r-h-daily = Дневник по дням
r-c-date = Дата
r-c-intake = Выпито (мл)
r-c-target = Цель (мл)
r-c-event = Событие плана
r-c-worst = Самый сильный симптом дня
r-c-bristol = Бристоль
r-no-checkin = нет отметки
r-no-symptoms = без симптомов
r-no-plan-cell = нет плана
r-bristol-cell = тип { $type }
r-h-symptoms = Отмеченные симптомы
r-c-symptom = Симптом
r-c-snomed = SNOMED CT
r-c-days-present = Дней с симптомом
r-c-worst-sev = Сильнее всего
r-no-symptoms-period = За этот период симптомов не отмечено.
r-h-events = События плана
r-c-event-short = Событие
r-c-reason = Причина
r-no-events = За этот период событий плана нет.
r-h-courses = Курсы лекарств (по отмеченным приёмам)
r-c-medicine = Лекарство
r-c-first-dose = Первый приём
r-c-last-dose = Последний приём
r-c-interval = Интервал
r-c-doses = Приёмы
r-c-status = Статус
r-c-spacing = Интервал с кефиром
r-kept-cell = соблюдён ({ $rule })
r-missed-cell = нарушен: приёмов кефира { $n } ({ $rule })
r-no-rule = нет правила
r-no-doses = За этот период приёмов лекарств не отмечено.
r-h-breaches-full = Нарушенные ограничения (пересчитаны по дневнику и действовавшему профилю)
r-c-what = Что
r-none-period = За этот период нет.
r-h-notes = Заметки пользователя
r-c-with = К чему
r-c-note = Заметка
r-no-notes = За этот период заметок нет.
r-h-profiles = Версии профиля, действовавшие в периоде
r-c-saved = Сохранён
r-in-force-start = действовал в начале
r-changed-period = изменён в периоде
r-no-profile-short = К концу периода профиль не сохранён.
r-h-by-kind = Выпитый кефир по видам
r-h-by-source = Выпитый кефир по происхождению
r-c-kind = Вид
r-c-ml = мл
r-c-drinks = Приёмы
r-c-share = Доля от мл
r-nothing-drunk = За этот период кефир не пили.
r-h-conditions = Заболевания и аллергии (со слов пользователя)
r-c-item = Пункт
r-c-type = Тип
r-c-code = Код приложения
r-allergy = аллергия
r-condition = заболевание
r-none-reported = Не указано.
r-h-medicines-profile = Лекарства в профиле на конец периода (по группам, со слов пользователя)
r-c-med-class = Группа лекарств
r-h-limits = Действующие ограничения
r-c-limit = Ограничение
r-c-value = Значение
r-lim-max = Не больше в день
r-lim-kinds = Разрешённые виды
r-lim-sources = Разрешённое происхождение
r-lim-clearance = Разрешение врача
r-lim-cleared = нужно; по словам пользователя, { $date } врач разрешил { $rules }{ $note } (не проверено)
r-lim-needed = нужно до продолжения; пользователь не отметил
r-lim-not-needed-cleared = не нужно (пользователь отметил разрешение { $date })
r-lim-not-needed = не нужно
r-lim-spacing = Интервал с лекарствами
r-h-how = Как читать этот отчёт
r-how-1 = Данные внесены пользователем в приложении; ничего здесь не измерено и не проверено врачом.
r-how-2 = Среднее за день учитывает только дни с кефиром. Дни в пределах цели: дни с целью плана, когда выпитое отличалось от неё не более чем на 10 %. Ежедневные отметки: доля дней периода с отметкой.
r-how-3 = Выраженность симптомов пользователь оценивает по 4-балльной шкале (нет, слабо, умеренно, сильно); показана самая высокая оценка за день. Форма стула — по Бристольской шкале, типы 1–7 (Lewis & Heaton, Scand J Gastroenterol 1997;32:920).
r-how-4 = Коды правил (D, S, P, M, H) отсылают к таблице правил безопасности приложения, где для каждого правила указаны источники; максимум 200 мл в день — настройка приложения, а не опубликованная норма.
r-h-bristol = Бристольская шкала: отметки по типам (всего { $n })
r-no-bristol = За этот период форма стула не отмечена.
r-bristol-1 = Отдельные твёрдые комки
r-bristol-2 = Колбаска, комковатая
r-bristol-3 = Колбаска с трещинами
r-bristol-4 = Гладкая мягкая колбаска
r-bristol-5 = Мягкие комочки с чёткими краями
r-bristol-6 = Кашицеобразный, рваные края
r-bristol-7 = Водянистый, без твёрдых частиц

## Колонтитулы
r-header = Введение кефира — отчёт для врача · { $name } · { $from } — { $to }
r-no-name = имя не указано
r-version = Kefir Start, версия { $version } · создано { $at }
r-no-font = нет шрифта для { $chars } (показано как ?)
r-page = Страница { $n } из { $of }

## Тексты в записи отчёта
r-saved-empty = профиль сохранён: заболеваний и лекарств нет
r-saved-items = профиль сохранён: { $items }
r-added = добавлено: { $item }
r-removed = удалено: { $item }
r-age-band = возрастная группа: { $band }
r-saved-again = профиль сохранён повторно (заболевания и лекарства не изменились)
r-spacing = { $med }: кефир через { $after } ч после приёма, за { $before } ч до следующего ({ $rule })
r-b-ruled-out = { $ml } мл, { $kind } ({ $source }), в { $at }: исключено по скринингу
r-b-spacing = { $ml } мл, { $kind } ({ $source }), в { $at }: в окне интервала с лекарством
r-b-cap = { $whole } мл за { $date }: { $total } мл к { $at }, больше действовавшего тогда ограничения { $cap } мл
r-b-stopped = { $ml } мл, { $kind }, в { $at }: выпито, когда план был прекращён ({ $rules })

## Свободные тексты FHIR (кодировки сохраняют английские названия своих систем кодов)
f-plan-status = Статус плана введения кефира на конец периода
f-plan-event = Событие плана введения кефира
f-target = Цель на день
f-target-note = Цель плана { $ml } мл{ $event }.
f-breach = Ограничение по кефиру из скрининга нарушено
f-intake = Выпито кефира
f-bristol = Форма стула по Бристольской шкале
f-note = Заметка в дневнике ({ $with })
f-rules = { $reason } (правила { $rules })
f-outside = ; приёмов до периода: { $before }, после: { $after }
f-every = Каждые { $h } ч;{" "}
f-dosage = { $every }приёмов за период: { $n }, с { $first } по { $last }{ $outside }
f-spacing-kept = Интервал с кефиром ({ $rule }) соблюдён: ни одного приёма в окне.
f-spacing-missed = Интервал с кефиром ({ $rule }) нарушен: приёмов кефира в окне: { $n }.
f-reported-in = Отмечено пользователем ({ $source }): { $what }.
f-kefir = Кефир
f-symptom = Симптом
f-severity = Выраженность
f-severity-of = выраженность: { $severity }
f-patient = Пациент (данные со слов пациента)
f-medicine = Лекарство: { $name }
f-status = статус: { $status }
f-st-active = принимается
f-st-completed = завершён
f-condition = Заболевание
f-allergy = Аллергия
f-unconfirmed = со слов пациента, не подтверждено
f-yes = да
f-no = нет

## Заголовки столбцов CSV
csv-id = ID
csv-time = Время
csv-date = Дата
csv-ml = мл
csv-kind = Вид
csv-source = Происхождение
csv-note = Заметка
csv-batch_fermentation_hours = Партия: брожение (ч)
csv-batch_room_temp_c = Партия: температура в комнате (°C)
csv-batch_spoilage_signs = Партия: признаки порчи
csv-bristol = Бристоль
csv-level = Уровень
csv-rule_ids = Правила
csv-medicine = Лекарство
csv-name = Название
csv-interval_hours = Интервал (ч)
csv-bloating = Вздутие живота
csv-gas = Газы
csv-abdominal_pain = Боль в животе
csv-cramps = Спазмы
csv-diarrhoea = Диарея
csv-constipation = Запор
csv-nausea = Тошнота
csv-skin_redness = Покраснение кожи
csv-itching = Зуд
csv-hives = Крапивница
csv-lip_face_tongue_swelling = Отёк губ, лица или языка
csv-itchy_throat = Першение в горле
csv-breathing_difficulty = Затруднённое дыхание
csv-faintness = Слабость, дурнота
csv-fever_chills = Жар или озноб
csv-blood_in_stool = Кровь в стуле
