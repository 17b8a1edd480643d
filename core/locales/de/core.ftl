### Gemeinsame Texte: Datumsangaben, Hinweis. Vor der Veröffentlichung von einer muttersprachlichen klinischen Fachkraft zu prüfen.

date-long = { $day }. { $month ->
        [1] Januar
        [2] Februar
        [3] März
        [4] April
        [5] Mai
        [6] Juni
        [7] Juli
        [8] August
        [9] September
        [10] Oktober
        [11] November
       *[12] Dezember
    } { $year }

disclaimer = Von der Patientin oder dem Patienten selbst erfasste Daten aus der App Kefir Start. Die App gibt allgemeine Hinweise und stellt keine Diagnose; sie ersetzt keine ärztliche Beratung.
