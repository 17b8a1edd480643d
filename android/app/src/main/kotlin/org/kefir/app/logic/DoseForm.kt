package org.kefir.app.logic

import java.time.Instant
import uniffi.kefir_core.DoseInput
import uniffi.kefir_core.DoseLogged
import uniffi.kefir_core.MedClass

/** "I took a dose now": the medicine class and, optionally, hours until the next dose. */
data class DoseForm(
    val medicine: MedClass? = null,
    val intervalHoursText: String = "",
    val note: String = "",
) {
    fun toInput(at: Instant): FormResult<DoseInput> {
        // The screen enables Save only once a medicine is chosen.
        val medicine = medicine ?: return FormResult.NotANumber("medicine")
        val interval = optionalUInt(intervalHoursText) ?: return FormResult.NotANumber("interval_hours")
        return FormResult.Ok(DoseInput(medicine = medicine, at = at, intervalHours = interval.value, note = note.ifBlank { null }))
    }
}

/** After logging a dose: the spacing it implies, from the core. */
fun DoseLogged.toUi(f: DisplayFormat, zone: String): List<SpacingUi> = spacing.map { it.toUi(f, zone) }
