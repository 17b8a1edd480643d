### Shared texts: dates, the disclaimer. English is the reference catalogue.

# A date in running text. $day and $year are digits; $month is 1-12.
date-long = { $day } { $month ->
        [1] January
        [2] February
        [3] March
        [4] April
        [5] May
        [6] June
        [7] July
        [8] August
        [9] September
        [10] October
        [11] November
       *[12] December
    } { $year }

disclaimer = Patient-reported data recorded in the Kefir Start app. The app gives general guidance and is not a diagnosis; it does not replace a clinician.
