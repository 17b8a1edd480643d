### Уведомления: заголовки и тексты, которые приложения показывают без изменений.
### Needs review by a native-speaking clinician before release.

reminder-checkin-title = Ежедневная отметка
reminder-checkin-body = Как прошёл день? Отметьте симптомы и тип стула: это займёт минуту.
reminder-yesterday-title = Вчерашняя отметка
reminder-yesterday-body = Вчерашняя отметка ещё не заполнена: её можно внести до полуночи сегодня.
reminder-drink-title = Напоминание о кефире
reminder-drink-body = Кефир сегодня: { $ml } мл. Лучше утром или после еды (D5).
reminder-drink-moved = Перенесено на { $time }: в это время заканчивается интервал после приёма лекарства ({ $rules }).
reminder-spacing-title = Кефир снова можно
reminder-spacing-body = { $medicines }: интервал закончился ({ $rules }). Кефир снова можно пить.
reminder-your-medicine = Ваше лекарство
reminder-list-and = { $init } и { $last }

## Версия для экрана блокировки: без названий лекарств, групп лекарств,
## симптомов и количеств.
reminder-public-title = Kefir Start
reminder-public-checkin = Пора сделать отметку
reminder-public-body = Напоминание от Kefir Start
reminder-public-several = { $n ->
    [one] { $n } напоминание от Kefir Start
    [few] { $n } напоминания от Kefir Start
    [many] { $n } напоминаний от Kefir Start
   *[other] { $n } напоминания от Kefir Start
}
