### Rule titles and advice: rule-<ID>-title, rule-<ID>-advice, one pair per row of the
### rules table (core/src/rules.rs, RULES). Rule ids (D3, S5, M1...) stay as they are in every language.

rule-D1-title = Start small
rule-D1-advice = Start with 50-100 ml a day so your gut can adapt.

rule-D2-title = Maintenance amount
rule-D2-advice = Once adapted, 100-200 ml a day is the usual amount, adjusted to how you feel.

rule-D3-title = More than your daily limit
rule-D3-advice = Today's kefir is over your daily limit. Large amounts add potassium, sodium and magnesium and can overload the gut with microbes. No published upper limit exists: 200 ml is this app's default, from the source article.

rule-D4-title = Step up only when it suits you
rule-D4-advice = The plan steps up only while you tolerate the current amount. Keep noting fullness, bowel habits and any skin reaction in your daily check-in.

rule-D5-title = When to drink
rule-D5-advice = Kefir is best in the morning or after a main meal, with fibre and water.

rule-D6-title = Steps and holds
rule-D6-advice = Each step is held for a few days before the next, as in a food reintroduction challenge.

rule-S1-title = Mild digestive symptoms
rule-S1-advice = Mild bloating, rumbling, gas or loose stools are expected while adapting. Stay at today's amount; the plan does not step up.

rule-S2-title = Moderate or lasting digestive symptoms
rule-S2-advice = Go back to the last amount you tolerated. If symptoms do not settle, talk to a clinician.

rule-S3-title = Cramps after milk kefir with lactose intolerance
rule-S3-advice = Take smaller amounts. Kefir is usually better tolerated than milk (breath hydrogen 87 vs 224 ppm*h; 54-71 % less flatulence in one study).

rule-S4-title = Burning, redness, rash or flushing
rule-S4-advice = This can be a reaction to yeasts or histamine in kefir. Step back; if it happens again, stop kefir and seek medical advice.

rule-S5-title = Possible severe allergic reaction
rule-S5-advice = Stop kefir now and call your local emergency number. Swelling of the lips, face or tongue, an itchy throat, wheeze, breathing difficulty or faintness can be anaphylaxis.

rule-S6-title = Hives
rule-S6-advice = Stop kefir and see an allergist or immunologist. If breathing becomes difficult or you feel faint, call your local emergency number.

rule-S7-title = Fever or chills with a weakened immune system
rule-S7-advice = Stop kefir and get urgent medical care now: in people with a weakened immune system or a central line, probiotic microbes can rarely reach the blood.

rule-S8-title = Blood in stool
rule-S8-advice = Blood in stool, black stool or unexplained weight loss are not expected effects of kefir. Talk to a clinician.

rule-X1-title = Severe symptom
rule-X1-advice = A severe symptom is not an expected effect of starting kefir. Stop kefir for now and contact a clinician. (No specific rule covers this symptom: this is the app's product default.)

rule-P1-title = Milk-protein allergy
rule-P1-advice = Milk kefir contains casein and whey: choose water or plant-based kefir only.

rule-P2-title = Lactose intolerance
rule-P2-advice = Start at the low end (50 ml). Kefir is usually better tolerated than milk.

rule-P3-title = Histamine intolerance or sensitive skin
rule-P3-advice = Start with the lowest amount and watch for burning, redness or rash (S4).

rule-P4-title = Pregnancy or breastfeeding
rule-P4-advice = Talk to your midwife or doctor before starting. Avoid raw-milk and homemade kefir (Listeria).

rule-P5-title = Weakened immune system
rule-P5-advice = Ask your care team before any kefir: live microbes can rarely cause bloodstream infections in people with a weakened immune system or a central line. No homemade kefir.

rule-P6-title = Kidney disease or potassium restriction
rule-P6-advice = A cup of low-fat kefir holds about 390-400 mg potassium. Check with your kidney team first.

rule-P7-title = Infant under 12 months
rule-P7-advice = Ask your child's doctor first, and for the amount. Never give honey-sweetened water kefir to an infant (botulism). Until the doctor says otherwise the app keeps to 25 ml to start and 50 ml a day (the app's product default, not from a study).

rule-P8-title = Avoiding alcohol
rule-P8-advice = Kefir contains some alcohol from yeast fermentation, more when homemade or fermented long. Commercial kefir is usually under 0.5 % ABV.

rule-M1-title = Antibiotics
rule-M1-advice = Keep kefir at least 2-3 hours away from each antibiotic dose. The app counts down from your logged doses (it uses 3 hours).

rule-M2-title = Immunosuppressants
rule-M2-advice = Keep kefir 2-3 hours away from each dose, and ask your care team first: the real risk is infection (see P5).

rule-M3-title = Ciprofloxacin, other fluoroquinolones, tetracyclines
rule-M3-advice = Calcium binds these medicines: take the medicine at least 2 hours before kefir, or 6 hours after it.

rule-M4-title = MAO inhibitors
rule-M4-advice = Kefir contains some tyramine (0-12.8 mg/L measured in commercial kefirs). Keep to about 120 ml a day of fresh commercial kefir.

rule-M5-title = Metronidazole or disulfiram
rule-M5-advice = Ask your prescriber. No homemade or long-fermented kefir (alcohol) during treatment and for 3 days after.

rule-M6-title = Warfarin or other vitamin-K antagonists
rule-M6-advice = Keep the daily amount steady and tell your anticoagulation clinic: full-fat dairy carries vitamin K2.

rule-H1-title = Homemade kefir hygiene
rule-H1-advice = Sterilise jars and tools, keep the incubation temperature stable, and watch for off smells: Pseudomonas, Aspergillus or Candida can grow in a contaminated batch.

rule-H2-title = Spoiled batch
rule-H2-advice = Off smell, mould, pink or orange colour, or unusual fizz: do not drink this batch; discard it.

rule-H3-title = Choosing commercial kefir
rule-H3-advice = Choose kefir of clear origin, with a fresh expiry date, kept refrigerated.

rule-H4-title = Kinds of kefir
rule-H4-advice = Milk kefir (cow, goat, sheep), water kefir and plant-based kefir (coconut, oat, soy) differ: the kind decides whether milk allergy, alcohol and some medicine rules apply.

# S4 a second time within $days days: the advice becomes the stop.
rule-S4-recurs = It came back within { $days } { $days ->
        [one] day
       *[other] days
    }: stop kefir and seek medical advice. This can be a reaction to yeasts or histamine in kefir.
