### Тексты форм и подсказки (core/src/forms.rs). Названия кодов — в vocab.ftl.
### Перед выпуском требуется проверка врачом — носителем языка.

form-screening-intro = Несколько вопросов определяют, какие правила безопасности к вам относятся. Ничего не покидает это устройство.
form-reaction-needs-symptom = Чтобы сообщить о реакции, выберите хотя бы один симптом выше «Нет».

condition-milk_protein_allergy-help = Подтверждённая аллергия на белок коровьего молока (казеин или сыворотку), а не только проблемы с лактозой.
condition-lactose_intolerance-help = Молочный сахар вызывает у вас вздутие, газы или диарею.
condition-histamine_sensitivity-help = Ферментированные продукты вызывают у вас головную боль, покраснение, зуд или заложенность носа.
condition-pregnant-help = Вы сейчас беременны.
condition-breastfeeding-help = Вы сейчас кормите грудью.
condition-neutropenia-help = Низкое число белых кровяных клеток (нейтрофилов), например после лечения.
condition-chemotherapy-help = Вы сейчас получаете химиотерапию или получали её в последние недели.
condition-transplant-help = Вам пересадили орган или стволовые клетки.
condition-biologics_or_immunosuppressants-help = Вы принимаете лекарства, подавляющие иммунитет: биологические препараты, высокие дозы гормонов или препараты после трансплантации.
condition-central_line-help = У вас установлена тонкая трубка в крупной вене (центральный катетер, PICC или порт).
condition-icu-help = Вы находитесь в реанимации или недавно переведены оттуда.
condition-short_bowel-help = Часть тонкой кишки удалена или не работает.
condition-kidney_disease_or_potassium_restriction-help = Хроническая болезнь почек, или врач рекомендовал вам ограничить калий.
condition-avoiding_alcohol-help = Вы избегаете даже малых количеств алкоголя (в кефире его может быть немного).

medicine-antibiotic-help = Любой антибиотик, который вы сейчас принимаете.
medicine-fluoroquinolone_or_tetracycline-help = Например, ципрофлоксацин, левофлоксацин, доксициклин: молоко может ослабить их действие.
medicine-immunosuppressant-help = Лекарства, подавляющие иммунитет, например после трансплантации.
medicine-mao_inhibitor-help = Ингибитор моноаминоксидазы, например при депрессии или болезни Паркинсона.
medicine-metronidazole_or_disulfiram-help = Они плохо сочетаются с алкоголем, даже с тем малым количеством, что есть в кефире.
medicine-vitamin_k_antagonist-help = Препараты, разжижающие кровь: варфарин, аценокумарол или фенпрокумон.
medicine-other-help = Любое другое лекарство, которое вы принимаете регулярно.

language-en = Английский
language-de = Немецкий
language-ru = Русский

quick-log-logged = Записано: { $ml } мл, { $kind }.
quick-log-nothing-left = На сегодня пить больше нечего.
quick-log-needs-form = Откройте форму напитка, чтобы записать это.
