### TEMPORARY (plan helper, issue 15): rule titles by id for plan reasons.
### Delete this file at merge when rules.ftl defines rule-<ID>-title (duplicate ids break the bundle).
### Needs review by a native-speaking clinician before release.

rule-D1-title = Начинайте с малого
rule-D2-title = Поддерживающее количество
rule-D3-title = Больше вашего дневного предела
rule-D4-title = Повышайте, только если хорошо переносите
rule-D5-title = Когда пить
rule-D6-title = Шаги и паузы
rule-S1-title = Лёгкие расстройства пищеварения
rule-S2-title = Умеренные или затяжные расстройства пищеварения
rule-S3-title = Спазмы после молочного кефира при непереносимости лактозы
rule-S4-title = Жжение, покраснение, сыпь или приливы
rule-S5-title = Возможная тяжёлая аллергическая реакция
rule-S6-title = Крапивница
rule-S7-title = Жар или озноб при ослабленном иммунитете
rule-S8-title = Кровь в стуле
rule-X1-title = Тяжёлый симптом
rule-P1-title = Аллергия на белок коровьего молока
rule-P2-title = Непереносимость лактозы
rule-P3-title = Непереносимость гистамина или чувствительная кожа
rule-P4-title = Беременность или грудное вскармливание
rule-P5-title = Ослабленный иммунитет
rule-P6-title = Болезнь почек или ограничение калия
rule-P7-title = Младенец до 12 месяцев
rule-P8-title = Отказ от алкоголя
rule-M1-title = Антибиотики
rule-M2-title = Иммунодепрессанты
rule-M3-title = Ципрофлоксацин, другие фторхинолоны, тетрациклины
rule-M4-title = Ингибиторы МАО
rule-M5-title = Метронидазол или дисульфирам
rule-M6-title = Варфарин или другие антагонисты витамина K
rule-H1-title = Гигиена домашнего кефира
rule-H2-title = Испорченная закваска
rule-H3-title = Выбор магазинного кефира
rule-H4-title = Виды кефира
