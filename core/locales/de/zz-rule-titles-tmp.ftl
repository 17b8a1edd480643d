### TEMPORARY (plan helper, issue 15): rule titles by id for plan reasons.
### Delete this file at merge when rules.ftl defines rule-<ID>-title (duplicate ids break the bundle).
### Needs review by a native-speaking clinician before release.

rule-D1-title = Klein anfangen
rule-D2-title = Erhaltungsmenge
rule-D3-title = Mehr als Ihre Tageshöchstmenge
rule-D4-title = Nur steigern, wenn es Ihnen bekommt
rule-D5-title = Wann trinken
rule-D6-title = Stufen und Haltezeiten
rule-S1-title = Leichte Verdauungsbeschwerden
rule-S2-title = Mäßige oder anhaltende Verdauungsbeschwerden
rule-S3-title = Krämpfe nach Milchkefir bei Laktoseintoleranz
rule-S4-title = Brennen, Rötung, Ausschlag oder Hitzegefühl
rule-S5-title = Mögliche schwere allergische Reaktion
rule-S6-title = Nesselsucht
rule-S7-title = Fieber oder Schüttelfrost bei geschwächtem Immunsystem
rule-S8-title = Blut im Stuhl
rule-X1-title = Schwere Beschwerde
rule-P1-title = Milcheiweißallergie
rule-P2-title = Laktoseintoleranz
rule-P3-title = Histaminintoleranz oder empfindliche Haut
rule-P4-title = Schwangerschaft oder Stillzeit
rule-P5-title = Geschwächtes Immunsystem
rule-P6-title = Nierenerkrankung oder Kaliumbeschränkung
rule-P7-title = Säugling unter 12 Monaten
rule-P8-title = Verzicht auf Alkohol
rule-M1-title = Antibiotika
rule-M2-title = Immunsuppressiva
rule-M3-title = Ciprofloxacin, andere Fluorchinolone, Tetracycline
rule-M4-title = MAO-Hemmer
rule-M5-title = Metronidazol oder Disulfiram
rule-M6-title = Warfarin oder andere Vitamin-K-Antagonisten
rule-H1-title = Hygiene bei selbst gemachtem Kefir
rule-H2-title = Verdorbener Ansatz
rule-H3-title = Kefir im Handel auswählen
rule-H4-title = Kefirsorten
