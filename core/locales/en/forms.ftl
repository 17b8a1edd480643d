### Form texts and help texts (core/src/forms.rs). Labels of codes are in vocab.ftl.

form-screening-intro = A few questions decide which safety rules apply to you. Nothing leaves this device.
form-reaction-needs-symptom = Choose at least one symptom above "None" to report a reaction.

# Help texts of the screening questions: short and plain.
condition-milk_protein_allergy-help = A diagnosed allergy to cow's milk protein (casein or whey), not only trouble with lactose.
condition-lactose_intolerance-help = Milk sugar gives you bloating, gas or diarrhoea.
condition-histamine_sensitivity-help = Fermented foods give you headaches, flushing, itching or a blocked nose.
condition-pregnant-help = You are pregnant now.
condition-breastfeeding-help = You are breastfeeding now.
condition-neutropenia-help = A low count of white blood cells (neutrophils), for example after treatment.
condition-chemotherapy-help = You are having chemotherapy now or had it in the last few weeks.
condition-transplant-help = You have had an organ or stem-cell transplant.
condition-biologics_or_immunosuppressants-help = You take medicines that damp down the immune system, such as biologics, steroids at high doses or transplant medicines.
condition-central_line-help = A thin tube into a large vein (central line, PICC or port) is in place.
condition-icu-help = You are in, or have just left, intensive care.
condition-short_bowel-help = Part of your small bowel has been removed or does not work.
condition-kidney_disease_or_potassium_restriction-help = Long-term kidney disease, or a clinician told you to limit potassium.
condition-avoiding_alcohol-help = You avoid even small amounts of alcohol (kefir can hold a little).

medicine-antibiotic-help = Any antibiotic you take now.
medicine-fluoroquinolone_or_tetracycline-help = For example ciprofloxacin, levofloxacin, doxycycline: milk can weaken them.
medicine-immunosuppressant-help = Medicines that damp down the immune system, for example after a transplant.
medicine-mao_inhibitor-help = A monoamine-oxidase inhibitor, for example for depression or Parkinson's disease.
medicine-metronidazole_or_disulfiram-help = These react badly with alcohol, even the little in kefir.
medicine-vitamin_k_antagonist-help = Blood thinners such as warfarin, acenocoumarol or phenprocoumon.
medicine-other-help = Any other regular medicine.

# Languages, each as written in the catalogue's language.
language-en = English
language-de = German
language-ru = Russian

# "Log today's amount" (the drink reminder's action). $ml is a number, $kind a kind's label.
quick-log-logged = Logged: { $ml } ml, { $kind }.
quick-log-nothing-left = Nothing left to drink today.
quick-log-needs-form = Open the drink form to log this one.
