package org.kefir.app.logic

import java.text.NumberFormat
import java.time.DateTimeException
import java.time.Instant
import java.time.LocalDate
import java.time.ZoneId
import java.time.format.DateTimeFormatter
import java.time.format.DateTimeParseException
import java.time.format.FormatStyle
import java.util.Locale

/** Unit symbols; the Android shell passes them from strings.xml. */
data class Units(val ml: String = "ml", val hours: String = "h", val minutes: String = "min")

/**
 * Display formatting only: numbers, clock times and dates the core returns,
 * rendered for [locale]. No arithmetic on dates here: the core gives the
 * instants, ISO dates and minute counts; this only turns them into text.
 */
class DisplayFormat(private val locale: Locale, private val units: Units = Units()) {
    private val integers: NumberFormat = NumberFormat.getIntegerInstance(locale)
    private val timeFormat = DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(locale)
    private val dayFormat = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale)
    private val dateTimeFormat = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT).withLocale(locale)

    fun number(n: UInt): String = integers.format(n.toLong())

    /** `150 ml`. */
    fun ml(v: UInt): String = "${number(v)} ${units.ml}"

    /** `150 ml` or null. */
    fun ml(v: UInt?): String? = v?.let { ml(it) }

    /** Plan steps: `50 → 75 → 100 ml`; empty for no steps. */
    fun mlSteps(values: List<UInt>): String =
        if (values.isEmpty()) "" else values.joinToString(" → ") { number(it) } + " " + units.ml

    /** A core `[low, high]` range: `50–100 ml`. */
    fun mlRange(range: List<UInt>): String = when (range.size) {
        0 -> ""
        1 -> ml(range[0])
        else -> "${number(range[0])}–${ml(range[1])}"
    }

    /** Local clock time of [at] in the IANA zone [zone] (the zone the core reported). */
    fun time(at: Instant, zone: String): String = timeFormat.withZone(zoneOf(zone)).format(at)

    /** Local date and time of [at] in [zone]. */
    fun dateTime(at: Instant, zone: String): String = dateTimeFormat.withZone(zoneOf(zone)).format(at)

    /** A core ISO date `YYYY-MM-DD` as a localized medium date; the raw text if it does not parse. */
    fun day(isoDate: String): String = try {
        LocalDate.parse(isoDate).format(dayFormat)
    } catch (e: DateTimeParseException) {
        isoDate
    }

    /** The core's minute count as `45 min`, `2 h`, `2 h 05 min`. */
    fun minutes(total: UInt): String {
        val h = total / 60u
        val m = total % 60u
        return when {
            h == 0u -> "${number(m)} ${units.minutes}"
            m == 0u -> "${number(h)} ${units.hours}"
            else -> "${number(h)} ${units.hours} ${m.toString().padStart(2, '0')} ${units.minutes}"
        }
    }

    /** Rule ids as shown under advice: `S1, D4`. */
    fun ruleIds(ids: List<String>): String = ids.joinToString(", ")

    private fun zoneOf(zone: String): ZoneId = try {
        ZoneId.of(zone)
    } catch (e: DateTimeException) {
        // The core knows the zone (it validated it); an older device tz
        // database might not. Show device-local time rather than crash.
        ZoneId.systemDefault()
    }
}
