package org.kefir.app.ui

import androidx.annotation.StringRes
import org.kefir.app.R
import org.kefir.app.logic.ErrorKind
import uniffi.kefir_core.Weekday

// Labels of the app's own chrome for a few core enums (strings.xml): the
// finding card's level badge, weekday and error kind. Plan statuses and
// decisions, and the screening's and assessment's levels, are the core's
// words (statusLabel, kindLabel, levelLabel on its records). The `when`s
// are exhaustive on purpose: a new core enum value fails the build until
// labelled. The domain vocabulary (conditions, medicines, symptoms,
// severities, kinds, sources, Bristol types) is NOT here: the screens show
// the core's labels from its form records (screeningForm, checkinForm,
// drinkForm), in the app's language.

@StringRes
fun Weekday.label(): Int = when (this) {
    Weekday.MON -> R.string.day_mon
    Weekday.TUE -> R.string.day_tue
    Weekday.WED -> R.string.day_wed
    Weekday.THU -> R.string.day_thu
    Weekday.FRI -> R.string.day_fri
    Weekday.SAT -> R.string.day_sat
    Weekday.SUN -> R.string.day_sun
}

@StringRes
fun ErrorKind.label(): Int = when (this) {
    ErrorKind.INVALID_INPUT -> R.string.error_invalid_input
    ErrorKind.NOT_A_NUMBER -> R.string.error_not_a_number
    ErrorKind.NOT_FOUND -> R.string.error_not_found
    ErrorKind.NOT_ALLOWED -> R.string.error_not_allowed
    ErrorKind.NEEDS_CONFIRMATION -> R.string.error_needs_confirmation
    ErrorKind.DATABASE_UNREADABLE -> R.string.error_database_unreadable
    ErrorKind.DATABASE_TOO_NEW -> R.string.error_database_too_new
    ErrorKind.BACKUP_REJECTED -> R.string.error_backup_rejected
    // The import flows ask with the core's BackupForm texts; these are only the framing if one ever reaches ErrorText.
    ErrorKind.PASSPHRASE_REQUIRED -> R.string.error_passphrase_required
    ErrorKind.WRONG_PASSPHRASE -> R.string.error_wrong_passphrase
    ErrorKind.STORAGE_FULL -> R.string.error_storage_full
    ErrorKind.STORAGE -> R.string.error_storage
    ErrorKind.INTERNAL -> R.string.error_internal
}
