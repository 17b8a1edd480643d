### Formulartexte und Hilfetexte (core/src/forms.rs). Bezeichnungen der Codes stehen in vocab.ftl.
### Vor der Veröffentlichung von einer muttersprachlichen klinischen Fachkraft zu prüfen.

form-screening-intro = Einige Fragen entscheiden, welche Sicherheitsregeln für Sie gelten. Nichts verlässt dieses Gerät.
form-reaction-needs-symptom = Wählen Sie mindestens ein Symptom stärker als „Keine“, um eine Reaktion zu melden.

condition-milk_protein_allergy-help = Eine festgestellte Allergie gegen Kuhmilcheiweiß (Kasein oder Molke), nicht nur Beschwerden durch Laktose.
condition-lactose_intolerance-help = Milchzucker verursacht bei Ihnen Blähbauch, Blähungen oder Durchfall.
condition-histamine_sensitivity-help = Fermentierte Lebensmittel lösen bei Ihnen Kopfschmerzen, Hautrötung, Juckreiz oder eine verstopfte Nase aus.
condition-pregnant-help = Sie sind zurzeit schwanger.
condition-breastfeeding-help = Sie stillen zurzeit.
condition-neutropenia-help = Zu wenige weiße Blutkörperchen (Neutrophile), zum Beispiel nach einer Behandlung.
condition-chemotherapy-help = Sie erhalten zurzeit eine Chemotherapie oder haben sie in den letzten Wochen erhalten.
condition-transplant-help = Sie haben eine Organ- oder Stammzelltransplantation erhalten.
condition-biologics_or_immunosuppressants-help = Sie nehmen Medikamente, die das Immunsystem dämpfen, etwa Biologika, hoch dosiertes Kortison oder Medikamente nach einer Transplantation.
condition-central_line-help = Ein dünner Schlauch in einer großen Vene (zentraler Venenkatheter, PICC oder Port) liegt.
condition-icu-help = Sie sind auf der Intensivstation oder wurden gerade von dort verlegt.
condition-short_bowel-help = Ein Teil Ihres Dünndarms wurde entfernt oder arbeitet nicht.
condition-kidney_disease_or_potassium_restriction-help = Eine langfristige Nierenerkrankung, oder eine Ärztin oder ein Arzt hat Ihnen geraten, Kalium einzuschränken.
condition-avoiding_alcohol-help = Sie meiden auch kleine Mengen Alkohol (Kefir kann etwas enthalten).

medicine-antibiotic-help = Jedes Antibiotikum, das Sie zurzeit einnehmen.
medicine-fluoroquinolone_or_tetracycline-help = Zum Beispiel Ciprofloxacin, Levofloxacin, Doxycyclin: Milch kann ihre Wirkung abschwächen.
medicine-immunosuppressant-help = Medikamente, die das Immunsystem dämpfen, zum Beispiel nach einer Transplantation.
medicine-mao_inhibitor-help = Ein Monoaminoxidase-Hemmer, zum Beispiel gegen Depression oder Parkinson.
medicine-metronidazole_or_disulfiram-help = Diese vertragen sich nicht mit Alkohol, auch nicht mit der kleinen Menge in Kefir.
medicine-vitamin_k_antagonist-help = Blutverdünner wie Warfarin, Phenprocoumon (Marcumar) oder Acenocoumarol.
medicine-other-help = Jedes andere regelmäßig eingenommene Medikament.

language-en = Englisch
language-de = Deutsch
language-ru = Russisch

quick-log-logged = Eingetragen: { $ml } ml, { $kind }.
quick-log-nothing-left = Für heute ist nichts mehr zu trinken.
quick-log-needs-form = Öffnen Sie das Getränkeformular, um dies einzutragen.
