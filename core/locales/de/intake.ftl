### Warnungen beim Erfassen eines Getränks.

drink-ruled-out = Ihr Profil schließt { $source ->
        [homemade] selbstgemachten
       *[commercial] gekauften
    } { $kind ->
        [milk_cow] Kuhmilchkefir
        [milk_goat] Ziegenmilchkefir
        [milk_sheep] Schafmilchkefir
        [water] Wasserkefir
       *[plant] pflanzlichen Kefir
    } aus.
