package org.kefir.app.logic

import java.time.Instant
import uniffi.kefir_core.Batch
import uniffi.kefir_core.DrinkInput
import uniffi.kefir_core.DrinkLogged
import uniffi.kefir_core.KefirKind
import uniffi.kefir_core.Source
import uniffi.kefir_core.Today

/**
 * What the user typed on the "log a drink" screen. The shell only turns
 * text into numbers; every limit (1–1000 ml, 1–168 h, 0–45 °C, batch only
 * for homemade) is checked by the core, whose error names the field.
 */
data class DrinkForm(
    val mlText: String = "",
    val kind: KefirKind = KefirKind.MILK_COW,
    val source: Source = Source.COMMERCIAL,
    val note: String = "",
    val fermentationHoursText: String = "",
    val roomTempCText: String = "",
    val offSmell: Boolean = false,
    val mould: Boolean = false,
    val pinkOrOrange: Boolean = false,
    val unusualFizz: Boolean = false,
) {
    /** Batch fields are shown for homemade kefir only. */
    val showsBatch: Boolean get() = source == Source.HOMEMADE

    /** The core input for a drink at [at], or the field that is not a number. */
    fun toInput(at: Instant): FormResult<DrinkInput> {
        val ml = mlText.trim().toUIntOrNull() ?: return FormResult.NotANumber("ml")
        val batch = if (source == Source.HOMEMADE) {
            val hours = optionalUInt(fermentationHoursText) ?: return FormResult.NotANumber("fermentation_hours")
            val temp = optionalInt(roomTempCText) ?: return FormResult.NotANumber("room_temp_c")
            Batch(hours.value, temp.value, offSmell, mould, pinkOrOrange, unusualFizz)
        } else {
            null
        }
        return FormResult.Ok(DrinkInput(at = at, ml = ml, kind = kind, source = source, note = note.ifBlank { null }, batch = batch))
    }
}

/** A parsed form, or the (core) name of the field whose text is not a number. */
sealed interface FormResult<out T> {
    data class Ok<T>(val value: T) : FormResult<T>
    data class NotANumber(val field: String) : FormResult<Nothing>
}

fun FormResult.NotANumber.toUiError(): UiError = UiError(ErrorKind.NOT_A_NUMBER, field = field)

/** Boxed so that "blank" (null value) differs from "not a number" (null box). */
internal data class Parsed<T>(val value: T?)

internal fun optionalUInt(text: String): Parsed<UInt>? =
    if (text.isBlank()) Parsed(null) else text.trim().toUIntOrNull()?.let { Parsed(it) }

internal fun optionalInt(text: String): Parsed<Int>? =
    if (text.isBlank()) Parsed(null) else text.trim().toIntOrNull()?.let { Parsed(it) }

/** One option of the drink form; [allowed] is false for what the screening rules out. */
data class DrinkChoice<T>(val value: T, val allowed: Boolean)

/**
 * What the drink form offers, from one `today` call: every kind and source in
 * the core's order, those outside [Today.allowedKinds] / [Today.allowedSources]
 * marked (they can still be logged; the core warns after saving), and the
 * quick amounts.
 */
data class DrinkOptions(
    val kinds: List<DrinkChoice<KefirKind>>,
    val sources: List<DrinkChoice<Source>>,
    val quick: List<UInt>,
) {
    fun allows(k: KefirKind): Boolean = kinds.any { it.value == k && it.allowed }
    fun allows(s: Source): Boolean = sources.any { it.value == s && it.allowed }

    /** [form] with a kind and a source the screening allows, where it had another (first allowed, in core order). */
    fun preselect(form: DrinkForm): DrinkForm = form.copy(
        kind = if (allows(form.kind)) form.kind else kinds.firstOrNull { it.allowed }?.value ?: form.kind,
        source = if (allows(form.source)) form.source else sources.firstOrNull { it.allowed }?.value ?: form.source,
    )
}

fun Today.drinkOptions(): DrinkOptions = DrinkOptions(
    kinds = KefirKind.entries.map { DrinkChoice(it, it in allowedKinds) },
    sources = Source.entries.map { DrinkChoice(it, it in allowedSources) },
    quick = quickAmounts(this),
)

/**
 * Quick-amount buttons: what is left of today's target and the target
 * itself, both as the core computed them (none without a plan or on a
 * 0 ml day).
 */
fun quickAmounts(today: Today): List<UInt> =
    listOfNotNull(today.remainingMl, today.targetMl).filter { it > 0u }.distinct()

/** After logging: the stored drink and the rule warnings, verbatim. */
data class DrinkLoggedUi(val amount: String, val warnings: List<FindingUi>)

fun DrinkLogged.toUi(f: DisplayFormat): DrinkLoggedUi = DrinkLoggedUi(f.ml(drink.ml), warnings.toUi())
