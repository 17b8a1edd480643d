### Titel und Hinweise der Regeln: rule-<ID>-title, rule-<ID>-advice (Regeltabelle in core/src/rules.rs).
### Regel-IDs (D3, S5, M1 ...) bleiben unverändert. Muss vor der Veröffentlichung von einer
### muttersprachlichen medizinischen Fachkraft geprüft werden.

rule-D1-title = Klein anfangen
rule-D1-advice = Beginnen Sie mit 50-100 ml pro Tag, damit sich Ihr Darm daran gewöhnen kann.

rule-D2-title = Erhaltungsmenge
rule-D2-advice = Nach der Eingewöhnung sind 100-200 ml pro Tag die übliche Menge, angepasst an Ihr Befinden.

rule-D3-title = Mehr als Ihre Tagesgrenze
rule-D3-advice = Der Kefir von heute liegt über Ihrer Tagesgrenze. Große Mengen liefern viel Kalium, Natrium und Magnesium und können den Darm mit Mikroben überlasten. Eine veröffentlichte Obergrenze gibt es nicht: 200 ml sind die Voreinstellung dieser App, aus dem Quellartikel.

rule-D4-title = Nur steigern, wenn es Ihnen bekommt
rule-D4-advice = Der Plan steigert die Menge nur, solange Sie die aktuelle Menge vertragen. Notieren Sie im täglichen Check-in weiter Völlegefühl, Stuhlgang und Hautreaktionen.

rule-D5-title = Wann trinken
rule-D5-advice = Kefir trinken Sie am besten morgens oder nach einer Hauptmahlzeit, zusammen mit Ballaststoffen und Wasser.

rule-D6-title = Stufen und Haltephasen
rule-D6-advice = Jede Stufe wird einige Tage gehalten, bevor die nächste folgt, wie bei einem Wiedereinführungstest von Lebensmitteln.

rule-S1-title = Leichte Verdauungsbeschwerden
rule-S1-advice = Leichte Blähungen, Darmgeräusche, Winde oder weicher Stuhl sind während der Eingewöhnung zu erwarten. Bleiben Sie bei der heutigen Menge; der Plan steigert nicht.

rule-S2-title = Mäßige oder anhaltende Verdauungsbeschwerden
rule-S2-advice = Gehen Sie zur letzten Menge zurück, die Sie vertragen haben. Wenn die Beschwerden nicht abklingen, sprechen Sie mit einer Ärztin oder einem Arzt.

rule-S3-title = Krämpfe nach Milchkefir bei Laktoseintoleranz
rule-S3-advice = Trinken Sie kleinere Mengen. Kefir wird meist besser vertragen als Milch (Atemwasserstoff 87 gegenüber 224 ppm*h; 54-71 % weniger Blähungen in einer Studie).

rule-S4-title = Brennen, Rötung, Ausschlag oder Hitzewallung
rule-S4-advice = Das kann eine Reaktion auf Hefen oder Histamin im Kefir sein. Gehen Sie eine Stufe zurück; tritt es erneut auf, hören Sie mit Kefir auf und holen Sie ärztlichen Rat ein.

rule-S5-title = Mögliche schwere allergische Reaktion
rule-S5-advice = Hören Sie sofort mit Kefir auf und rufen Sie den Notruf. Schwellungen von Lippen, Gesicht oder Zunge, Kratzen im Hals, pfeifende Atmung, Atemnot oder Schwächegefühl können eine Anaphylaxie sein.

rule-S6-title = Nesselsucht
rule-S6-advice = Hören Sie mit Kefir auf und suchen Sie eine Allergologin oder einen Allergologen auf. Wenn das Atmen schwerfällt oder Ihnen schwindlig wird, rufen Sie den Notruf.

rule-S7-title = Fieber oder Schüttelfrost bei geschwächtem Immunsystem
rule-S7-advice = Hören Sie mit Kefir auf und holen Sie sofort dringende ärztliche Hilfe: Bei geschwächtem Immunsystem oder einem zentralen Venenkatheter können probiotische Mikroben in seltenen Fällen ins Blut gelangen.

rule-S8-title = Blut im Stuhl
rule-S8-advice = Blut im Stuhl, schwarzer Stuhl oder ungewollter Gewichtsverlust sind keine zu erwartenden Wirkungen von Kefir. Sprechen Sie mit einer Ärztin oder einem Arzt.

rule-X1-title = Schweres Symptom
rule-X1-advice = Ein schweres Symptom ist keine zu erwartende Wirkung des Kefir-Einstiegs. Setzen Sie Kefir vorerst ab und wenden Sie sich an eine Ärztin oder einen Arzt. (Keine spezielle Regel deckt dieses Symptom ab: Dies ist die Voreinstellung der App.)

rule-P1-title = Milcheiweißallergie
rule-P1-advice = Milchkefir enthält Kasein und Molkenprotein: Wählen Sie nur Wasserkefir oder pflanzlichen Kefir.

rule-P2-title = Laktoseintoleranz
rule-P2-advice = Beginnen Sie am unteren Ende (50 ml). Kefir wird meist besser vertragen als Milch.

rule-P3-title = Histaminintoleranz oder empfindliche Haut
rule-P3-advice = Beginnen Sie mit der kleinsten Menge und achten Sie auf Brennen, Rötung oder Ausschlag (S4).

rule-P4-title = Schwangerschaft oder Stillzeit
rule-P4-advice = Sprechen Sie vor dem Beginn mit Ihrer Hebamme oder Ihrer Ärztin bzw. Ihrem Arzt. Meiden Sie Kefir aus Rohmilch und selbstgemachten Kefir (Listerien).

rule-P5-title = Geschwächtes Immunsystem
rule-P5-advice = Fragen Sie Ihr Behandlungsteam, bevor Sie Kefir trinken: Lebende Mikroben können bei geschwächtem Immunsystem oder einem zentralen Venenkatheter in seltenen Fällen Blutstrominfektionen verursachen. Kein selbstgemachter Kefir.

rule-P6-title = Nierenerkrankung oder Kaliumbeschränkung
rule-P6-advice = Eine Tasse fettarmer Kefir enthält etwa 390-400 mg Kalium. Klären Sie es zuerst mit Ihrem Nierenteam ab.

rule-P7-title = Säugling unter 12 Monaten
rule-P7-advice = Fragen Sie zuerst die Kinderärztin oder den Kinderarzt, auch nach der Menge. Geben Sie einem Säugling niemals mit Honig gesüßten Wasserkefir (Botulismus). Bis die Ärztin oder der Arzt etwas anderes sagt, bleibt die App bei 25 ml zum Start und 50 ml pro Tag (Voreinstellung der App, nicht aus einer Studie).

rule-P8-title = Verzicht auf Alkohol
rule-P8-advice = Kefir enthält etwas Alkohol aus der Hefegärung, mehr wenn er selbstgemacht ist oder lange gärt. Gekaufter Kefir hat meist unter 0,5 % vol.

rule-M1-title = Antibiotika
rule-M1-advice = Halten Sie mindestens 2-3 Stunden Abstand zwischen Kefir und jeder Antibiotika-Dosis. Die App zählt ab Ihren erfassten Dosen herunter (sie rechnet mit 3 Stunden).

rule-M2-title = Immunsuppressiva
rule-M2-advice = Halten Sie 2-3 Stunden Abstand zu jeder Dosis und fragen Sie zuerst Ihr Behandlungsteam: Das eigentliche Risiko ist eine Infektion (siehe P5).

rule-M3-title = Ciprofloxacin, andere Fluorchinolone, Tetrazykline
rule-M3-advice = Calcium bindet diese Arzneimittel: Nehmen Sie das Arzneimittel mindestens 2 Stunden vor dem Kefir ein oder 6 Stunden danach.

rule-M4-title = MAO-Hemmer
rule-M4-advice = Kefir enthält etwas Tyramin (0-12,8 mg/l in gekauften Kefirsorten gemessen). Bleiben Sie bei etwa 120 ml pro Tag frischem gekauftem Kefir.

rule-M5-title = Metronidazol oder Disulfiram
rule-M5-advice = Fragen Sie die verschreibende Ärztin oder den verschreibenden Arzt. Kein selbstgemachter oder lange gegorener Kefir (Alkohol) während der Behandlung und 3 Tage danach.

rule-M6-title = Warfarin oder andere Vitamin-K-Antagonisten
rule-M6-advice = Halten Sie die Tagesmenge gleichmäßig und informieren Sie Ihre Gerinnungsambulanz: Vollfette Milchprodukte enthalten Vitamin K2.

rule-H1-title = Hygiene bei selbstgemachtem Kefir
rule-H1-advice = Sterilisieren Sie Gläser und Utensilien, halten Sie die Gärtemperatur gleichmäßig und achten Sie auf fremden Geruch: In einem verunreinigten Ansatz können Pseudomonas, Aspergillus oder Candida wachsen.

rule-H2-title = Verdorbener Ansatz
rule-H2-advice = Fremder Geruch, Schimmel, rosa oder orange Färbung oder ungewöhnliches Sprudeln: Trinken Sie diesen Ansatz nicht; entsorgen Sie ihn.

rule-H3-title = Gekauften Kefir auswählen
rule-H3-advice = Wählen Sie Kefir klarer Herkunft, mit frischem Haltbarkeitsdatum und gekühlt gelagert.

rule-H4-title = Kefirarten
rule-H4-advice = Milchkefir (Kuh, Ziege, Schaf), Wasserkefir und pflanzlicher Kefir (Kokos, Hafer, Soja) unterscheiden sich: Die Art entscheidet, ob Regeln zu Milchallergie, Alkohol und einigen Arzneimitteln gelten.

# S4 zum zweiten Mal innerhalb von $days Tagen: Der Hinweis wird zum Stopp.
rule-S4-recurs = Es ist innerhalb von { $days } { $days ->
        [one] Tag
       *[other] Tagen
    } wieder aufgetreten: Hören Sie mit Kefir auf und holen Sie ärztlichen Rat ein. Das kann eine Reaktion auf Hefen oder Histamin im Kefir sein.
