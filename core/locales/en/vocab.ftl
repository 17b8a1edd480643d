### The domain vocabulary: a label for every code the app stores.
### Ids are <family>-<code> with the code as stored (snake_case); see core/src/vocab.rs.

condition-milk_protein_allergy = Milk-protein (casein/whey) allergy
condition-lactose_intolerance = Lactose intolerance
condition-histamine_sensitivity = Histamine intolerance or sensitive skin
condition-pregnant = Pregnant
condition-breastfeeding = Breastfeeding
condition-neutropenia = Immunocompromised: neutropenia
condition-chemotherapy = Immunocompromised: chemotherapy
condition-transplant = Immunocompromised: transplant
condition-biologics_or_immunosuppressants = Immunocompromised: biologics or immunosuppressants
condition-central_line = Central venous line
condition-icu = Immunocompromised: stay in intensive care (ICU)
condition-short_bowel = Short bowel syndrome
condition-kidney_disease_or_potassium_restriction = Chronic kidney disease or potassium restriction
condition-avoiding_alcohol = Avoiding alcohol

age-infant_under_12_months = Infant under 12 months
age-child = Child
age-adult = Adult

medicine-antibiotic = Antibiotic
medicine-fluoroquinolone_or_tetracycline = Fluoroquinolone or tetracycline
medicine-immunosuppressant = Immunosuppressant
medicine-mao_inhibitor = MAO inhibitor
medicine-metronidazole_or_disulfiram = Metronidazole or disulfiram
medicine-vitamin_k_antagonist = Warfarin or other vitamin-K antagonist
medicine-other = Other medicine

symptom-bloating = Bloating
symptom-gas = Gas
symptom-abdominal_pain = Abdominal pain
symptom-cramps = Cramps
symptom-diarrhoea = Diarrhoea
symptom-constipation = Constipation
symptom-nausea = Nausea
symptom-skin_redness = Skin redness or rash
symptom-itching = Itching
symptom-hives = Hives
symptom-lip_face_tongue_swelling = Swelling of lips, face or tongue
symptom-itchy_throat = Itchy throat
symptom-breathing_difficulty = Wheeze or difficulty breathing
symptom-faintness = Faintness
symptom-fever_chills = Fever or chills
symptom-blood_in_stool = Blood in stool

severity-none = None
severity-mild = Mild
severity-moderate = Moderate
severity-severe = Severe

kind-milk_cow = Cow's milk kefir
kind-milk_goat = Goat's milk kefir
kind-milk_sheep = Sheep's milk kefir
kind-water = Water kefir
kind-plant = Plant-based kefir

source-homemade = Homemade
source-commercial = Shop-bought

level-info = Info
level-caution = Caution
level-consult = Talk to a clinician first
level-stop = Stop
level-emergency = Emergency

# The plan's status (Plan and Today screens).
status-active = Active
status-paused = Paused
status-stopped = Stopped

# A plan decision or event (Plan history, Today, report).
decision-start = Start
decision-advance = Step up
decision-hold = Hold
decision-step_back = Step back
decision-pause = Pause
decision-stop = Stop
decision-maintain = Maintain
decision-paused = Paused
decision-stopped = Stopped
decision-resume = Resume
decision-restart = Restart

# Bristol Stool Form Scale (Lewis & Heaton 1997), types 1-7.
bristol-type = Type { $type }
bristol-1 = Separate hard lumps, like nuts (hard to pass)
bristol-2 = Sausage-shaped, but lumpy
bristol-3 = Like a sausage but with cracks on its surface
bristol-4 = Like a sausage or snake, smooth and soft
bristol-5 = Soft blobs with clear-cut edges (passed easily)
bristol-6 = Fluffy pieces with ragged edges, a mushy stool
bristol-7 = Watery, no solid pieces, entirely liquid
