package org.kefir.app.logic

import java.time.Instant
import java.util.Locale
import kotlin.test.Test
import kotlin.test.assertEquals

class DisplayFormatTest {
    private val f = DisplayFormat(Locale.UK)

    @Test
    fun minuteCountsReadAsHoursAndMinutes() {
        assertEquals("0 min", f.minutes(0u))
        assertEquals("45 min", f.minutes(45u))
        assertEquals("2 h", f.minutes(120u))
        assertEquals("2 h 05 min", f.minutes(125u))
        assertEquals("26 h 40 min", f.minutes(1600u))
    }

    @Test
    fun clockTimesFollowTheZoneTheCoreReported() {
        assertEquals("09:30", f.time(Instant.parse("2025-03-10T08:30:00Z"), "Europe/Berlin"))
        assertEquals("10:30", f.time(Instant.parse("2025-07-01T08:30:00Z"), "Europe/Berlin")) // CEST
        assertEquals("21:30", f.time(Instant.parse("2025-03-10T08:30:00Z"), "Pacific/Auckland"))
    }

    @Test
    fun amountsDaysRangesAndStepsAreLocalized() {
        assertEquals("150 ml", f.ml(150u))
        assertEquals("1,000 ml", f.ml(1000u))
        assertEquals("10 Mar 2025", f.day("2025-03-10"))
        assertEquals("not-a-date", f.day("not-a-date"))
        assertEquals("50–100 ml", f.mlRange(listOf(50u, 100u)))
        assertEquals("50 → 75 → 100 ml", f.mlSteps(listOf(50u, 75u, 100u)))
        assertEquals("", f.mlSteps(emptyList()))
        assertEquals("1.000 ml", DisplayFormat(Locale.GERMANY).ml(1000u))
        assertEquals("150 مل", DisplayFormat(Locale.UK, Units(ml = "مل")).ml(150u))
    }

    @Test
    fun anUnknownZoneDoesNotCrash() {
        // The device's tz database may lag the core's; fall back to device-local time.
        f.time(Instant.parse("2025-03-10T08:30:00Z"), "Mars/Olympus_Mons")
    }
}
