### TEMPORARY (plan helper, issue 15): rule titles by id for plan reasons.
### Delete this file at merge when rules.ftl defines rule-<ID>-title (duplicate ids break the bundle).

rule-D1-title = Start small
rule-D2-title = Maintenance amount
rule-D3-title = More than your daily limit
rule-D4-title = Step up only when it suits you
rule-D5-title = When to drink
rule-D6-title = Steps and holds
rule-S1-title = Mild digestive symptoms
rule-S2-title = Moderate or lasting digestive symptoms
rule-S3-title = Cramps after milk kefir with lactose intolerance
rule-S4-title = Burning, redness, rash or flushing
rule-S5-title = Possible severe allergic reaction
rule-S6-title = Hives
rule-S7-title = Fever or chills with a weakened immune system
rule-S8-title = Blood in stool
rule-X1-title = Severe symptom
rule-P1-title = Milk-protein allergy
rule-P2-title = Lactose intolerance
rule-P3-title = Histamine intolerance or sensitive skin
rule-P4-title = Pregnancy or breastfeeding
rule-P5-title = Weakened immune system
rule-P6-title = Kidney disease or potassium restriction
rule-P7-title = Infant under 12 months
rule-P8-title = Avoiding alcohol
rule-M1-title = Antibiotics
rule-M2-title = Immunosuppressants
rule-M3-title = Ciprofloxacin, other fluoroquinolones, tetracyclines
rule-M4-title = MAO inhibitors
rule-M5-title = Metronidazole or disulfiram
rule-M6-title = Warfarin or other vitamin-K antagonists
rule-H1-title = Homemade kefir hygiene
rule-H2-title = Spoiled batch
rule-H3-title = Choosing commercial kefir
rule-H4-title = Kinds of kefir
