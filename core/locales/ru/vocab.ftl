### Словарь предметной области: название для каждого хранимого кода.
### Id: <семейство>-<код> (см. core/src/vocab.rs). Перед выпуском требуется проверка врачом — носителем языка.

condition-milk_protein_allergy = Аллергия на белок молока (казеин/сыворотка)
condition-lactose_intolerance = Непереносимость лактозы
condition-histamine_sensitivity = Непереносимость гистамина или чувствительная кожа
condition-pregnant = Беременность
condition-breastfeeding = Грудное вскармливание
condition-neutropenia = Ослабленный иммунитет: нейтропения
condition-chemotherapy = Ослабленный иммунитет: химиотерапия
condition-transplant = Ослабленный иммунитет: трансплантация
condition-biologics_or_immunosuppressants = Ослабленный иммунитет: биологические препараты или иммунодепрессанты
condition-central_line = Центральный венозный катетер
condition-icu = Ослабленный иммунитет: пребывание в реанимации (ОРИТ)
condition-short_bowel = Синдром короткой кишки
condition-kidney_disease_or_potassium_restriction = Хроническая болезнь почек или ограничение калия
condition-avoiding_alcohol = Отказ от алкоголя

age-infant_under_12_months = Младенец до 12 месяцев
age-child = Ребёнок
age-adult = Взрослый

medicine-antibiotic = Антибиотик
medicine-fluoroquinolone_or_tetracycline = Фторхинолон или тетрациклин
medicine-immunosuppressant = Иммунодепрессант
medicine-mao_inhibitor = Ингибитор МАО
medicine-metronidazole_or_disulfiram = Метронидазол или дисульфирам
medicine-vitamin_k_antagonist = Варфарин или другой антагонист витамина K
medicine-other = Другое лекарство

symptom-bloating = Вздутие живота
symptom-gas = Газы
symptom-abdominal_pain = Боль в животе
symptom-cramps = Спазмы
symptom-diarrhoea = Диарея
symptom-constipation = Запор
symptom-nausea = Тошнота
symptom-skin_redness = Покраснение кожи или сыпь
symptom-itching = Зуд
symptom-hives = Крапивница
symptom-lip_face_tongue_swelling = Отёк губ, лица или языка
symptom-itchy_throat = Першение или зуд в горле
symptom-breathing_difficulty = Свистящее дыхание или затруднённое дыхание
symptom-faintness = Слабость, предобморочное состояние
symptom-fever_chills = Жар или озноб
symptom-blood_in_stool = Кровь в стуле

severity-none = Нет
severity-mild = Лёгкая
severity-moderate = Умеренная
severity-severe = Сильная

kind-milk_cow = Кефир из коровьего молока
kind-milk_goat = Кефир из козьего молока
kind-milk_sheep = Кефир из овечьего молока
kind-water = Водный кефир
kind-plant = Растительный кефир

source-homemade = Домашний
source-commercial = Магазинный

level-info = Информация
level-caution = Осторожно
level-consult = Сначала посоветуйтесь с врачом
level-stop = Стоп
level-emergency = Неотложная ситуация

# Статус плана (экраны «План» и «Сегодня»).
status-active = Активен
status-paused = Приостановлен
status-stopped = Остановлен

# Решение или событие плана (история, «Сегодня», отчёт).
decision-start = Начало
decision-advance = Увеличение
decision-hold = Без изменений
decision-step_back = Шаг назад
decision-pause = Пауза
decision-stop = Остановка
decision-maintain = Поддержание
decision-paused = На паузе
decision-stopped = Остановлено
decision-resume = Возобновление
decision-restart = Перезапуск

# Бристольская шкала формы кала (Lewis & Heaton 1997), типы 1-7.
bristol-type = Тип { $type }
bristol-1 = Отдельные твёрдые комочки, как орехи (выходят с трудом)
bristol-2 = Колбасовидный, но комковатый
bristol-3 = Колбасовидный, с трещинами на поверхности
bristol-4 = Как колбаса или змея, гладкий и мягкий
bristol-5 = Мягкие комочки с чёткими краями (выходят легко)
bristol-6 = Рыхлые кусочки с неровными краями, кашицеобразный стул
bristol-7 = Водянистый, без твёрдых частиц, полностью жидкий
