### Drink warnings when a drink is logged (the rule's advice follows each detail).

# P1/P4/P5/M4/M5 rule out this kind or source. $source, $kind: the codes stored with the drink.
drink-ruled-out = Your profile rules out { $source ->
        [homemade] homemade
       *[commercial] shop-bought
    } { $kind ->
        [milk_cow] cow's milk kefir
        [milk_goat] goat's milk kefir
        [milk_sheep] sheep's milk kefir
        [water] water kefir
       *[plant] plant-based kefir
    }.
