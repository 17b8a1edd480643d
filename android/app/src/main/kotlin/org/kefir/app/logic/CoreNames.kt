package org.kefir.app.logic

import uniffi.kefir_core.KefirKind
import uniffi.kefir_core.MedClass
import uniffi.kefir_core.ScreeningForm
import uniffi.kefir_core.Source
import uniffi.kefir_ffi.screeningForm

/**
 * The core's words for the codes stored records carry (a drink's kind and
 * source, a dose's medicine class), in the app's language: taken from the
 * core's `screeningForm(locale)`, so a stored drink is named exactly as the
 * forms name it. The shell keeps no label of its own; a code the core did not
 * label (none today) shows as the code.
 */
class CoreNames(form: ScreeningForm) {
    private val kinds = form.kinds.associate { it.code to it.label }
    private val sources = form.sources.associate { it.code to it.label }
    private val medicines = form.medicines.associate { it.code to it.label }

    /** The medicine classes in the core's order, for the dose form's choices. */
    val medicineOrder: List<MedClass> = form.medicines.map { it.code }

    fun of(k: KefirKind): String = kinds[k] ?: k.name
    fun of(s: Source): String = sources[s] ?: s.name
    fun of(m: MedClass): String = medicines[m] ?: m.name
}

/** The core's names in the app's language (one pure core call, made on the gateway's thread). */
suspend fun loadCoreNames(gateway: CoreGateway): CoreResult<CoreNames> =
    gateway.read { cx -> CoreNames(screeningForm(cx.locale)) }
