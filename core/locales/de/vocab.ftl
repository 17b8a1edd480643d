### Das Fachvokabular: eine Bezeichnung für jeden gespeicherten Code.
### Ids sind <Familie>-<Code> (siehe core/src/vocab.rs). Vor der Veröffentlichung von einer muttersprachlichen klinischen Fachkraft zu prüfen.

condition-milk_protein_allergy = Milcheiweißallergie (Kasein/Molke)
condition-lactose_intolerance = Laktoseintoleranz
condition-histamine_sensitivity = Histaminintoleranz oder empfindliche Haut
condition-pregnant = Schwanger
condition-breastfeeding = Stillend
condition-neutropenia = Immungeschwächt: Neutropenie
condition-chemotherapy = Immungeschwächt: Chemotherapie
condition-transplant = Immungeschwächt: Transplantation
condition-biologics_or_immunosuppressants = Immungeschwächt: Biologika oder Immunsuppressiva
condition-central_line = Zentralvenöser Katheter
condition-icu = Immungeschwächt: Aufenthalt auf der Intensivstation
condition-short_bowel = Kurzdarmsyndrom
condition-kidney_disease_or_potassium_restriction = Chronische Nierenerkrankung oder Kaliumbeschränkung
condition-avoiding_alcohol = Verzicht auf Alkohol

age-infant_under_12_months = Säugling unter 12 Monaten
age-child = Kind
age-adult = Erwachsene Person

medicine-antibiotic = Antibiotikum
medicine-fluoroquinolone_or_tetracycline = Fluorchinolon oder Tetrazyklin
medicine-immunosuppressant = Immunsuppressivum
medicine-mao_inhibitor = MAO-Hemmer
medicine-metronidazole_or_disulfiram = Metronidazol oder Disulfiram
medicine-vitamin_k_antagonist = Warfarin oder anderer Vitamin-K-Antagonist
medicine-other = Anderes Medikament

symptom-bloating = Blähbauch
symptom-gas = Blähungen
symptom-abdominal_pain = Bauchschmerzen
symptom-cramps = Krämpfe
symptom-diarrhoea = Durchfall
symptom-constipation = Verstopfung
symptom-nausea = Übelkeit
symptom-skin_redness = Hautrötung oder Ausschlag
symptom-itching = Juckreiz
symptom-hives = Nesselsucht (Quaddeln)
symptom-lip_face_tongue_swelling = Schwellung von Lippen, Gesicht oder Zunge
symptom-itchy_throat = Kratzen oder Jucken im Hals
symptom-breathing_difficulty = Pfeifende Atmung oder Atemnot
symptom-faintness = Schwächegefühl oder Ohnmachtsgefühl
symptom-fever_chills = Fieber oder Schüttelfrost
symptom-blood_in_stool = Blut im Stuhl

severity-none = Keine
severity-mild = Leicht
severity-moderate = Mittel
severity-severe = Stark

kind-milk_cow = Kefir aus Kuhmilch
kind-milk_goat = Kefir aus Ziegenmilch
kind-milk_sheep = Kefir aus Schafsmilch
kind-water = Wasserkefir
kind-plant = Pflanzlicher Kefir

source-homemade = Selbst gemacht
source-commercial = Gekauft

level-info = Hinweis
level-caution = Vorsicht
level-consult = Zuerst ärztlichen Rat einholen
level-stop = Stopp
level-emergency = Notfall

# Status des Plans (Plan und Heute).
status-active = Aktiv
status-paused = Pausiert
status-stopped = Beendet

# Entscheidung oder Ereignis des Plans (Verlauf, Heute, Bericht).
decision-start = Beginn
decision-advance = Steigerung
decision-hold = Gleiche Menge
decision-step_back = Schritt zurück
decision-pause = Pause
decision-stop = Stopp
decision-maintain = Beibehalten
decision-paused = Pausiert
decision-stopped = Beendet
decision-resume = Fortsetzung
decision-restart = Neubeginn

# Bristol-Stuhlformen-Skala (Lewis & Heaton 1997), Typen 1-7.
bristol-type = Typ { $type }
bristol-1 = Einzelne feste Kügelchen, wie Nüsse (schwer auszuscheiden)
bristol-2 = Wurstförmig, aber klumpig
bristol-3 = Wurstförmig mit rissiger Oberfläche
bristol-4 = Wurst- oder schlangenförmig, glatt und weich
bristol-5 = Weiche Klümpchen mit klaren Rändern (leicht auszuscheiden)
bristol-6 = Lockere Stücke mit ausgefransten Rändern, breiiger Stuhl
bristol-7 = Wässrig, ohne feste Bestandteile, ganz flüssig
