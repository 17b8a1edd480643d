package org.kefir.app.logic

import java.time.Instant
import uniffi.kefir_core.Batch
import uniffi.kefir_core.DrinkInput
import uniffi.kefir_core.DrinkLogged
import uniffi.kefir_core.KefirKind
import uniffi.kefir_core.Source
import uniffi.kefir_core.DrinkForm as CoreDrinkForm

/**
 * What the user typed on the "log a drink" screen. The shell only turns
 * text into numbers; every limit (1–1000 ml, 1–168 h, 0–45 °C) is checked by
 * the core, whose error names the field. [batchFields] is the core's answer
 * for the chosen source (`SourceOption.batchFields`, set by
 * [DrinkOptions.withSource] / [DrinkOptions.preselect]): only then are the
 * batch fields shown and sent.
 */
data class DrinkForm(
    val mlText: String = "",
    val kind: KefirKind = KefirKind.MILK_COW,
    val source: Source = Source.COMMERCIAL,
    val batchFields: Boolean = false,
    val note: String = "",
    val fermentationHoursText: String = "",
    val roomTempCText: String = "",
    val offSmell: Boolean = false,
    val mould: Boolean = false,
    val pinkOrOrange: Boolean = false,
    val unusualFizz: Boolean = false,
) {
    /** The core input for a drink at [at], or the field that is not a number. */
    fun toInput(at: Instant): FormResult<DrinkInput> {
        val ml = mlText.trim().toUIntOrNull() ?: return FormResult.NotANumber("ml")
        val batch = if (batchFields) {
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

/**
 * One option of the drink form, as the core gave it: its [label] in the
 * app's language, [allowed] false for what the screening rules out (it can
 * still be logged; the core warns after saving), [batchFields] true for a
 * source whose batch the form asks about.
 */
data class DrinkChoice<T>(val value: T, val label: String, val allowed: Boolean, val batchFields: Boolean = false)

/**
 * What the drink form offers, from one `drinkForm` call: every kind and
 * source in the core's order with the core's labels, the core's preselected
 * kind and source, and its quick amounts (ml, ascending).
 */
data class DrinkOptions(
    val kinds: List<DrinkChoice<KefirKind>>,
    val sources: List<DrinkChoice<Source>>,
    val quick: List<UInt>,
    val kind: KefirKind,
    val source: Source,
) {
    fun allows(k: KefirKind): Boolean = kinds.any { it.value == k && it.allowed }
    fun allows(s: Source): Boolean = sources.any { it.value == s && it.allowed }

    /** Whether the core asks for the batch of [s] (homemade). */
    fun batchFields(s: Source): Boolean = sources.any { it.value == s && it.batchFields }

    /** [form] with [s] chosen, and the batch fields the core says go with it. */
    fun withSource(form: DrinkForm, s: Source): DrinkForm = form.copy(source = s, batchFields = batchFields(s))

    /** [form] starting on the core's preselected kind and source. */
    fun preselect(form: DrinkForm): DrinkForm = withSource(form.copy(kind = kind), source)
}

fun CoreDrinkForm.toOptions(): DrinkOptions = DrinkOptions(
    kinds = kinds.map { DrinkChoice(it.code, it.label, it.allowed) },
    sources = sources.map { DrinkChoice(it.code, it.label, it.allowed, it.batchFields) },
    quick = quickAmountsMl,
    kind = kind,
    source = source,
)

/** After logging: the stored drink and the rule warnings, verbatim. */
data class DrinkLoggedUi(val amount: String, val warnings: List<FindingUi>)

fun DrinkLogged.toUi(f: DisplayFormat): DrinkLoggedUi = DrinkLoggedUi(f.ml(drink.ml), warnings.toUi())
