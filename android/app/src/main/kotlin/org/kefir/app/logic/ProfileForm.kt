package org.kefir.app.logic

import uniffi.kefir_core.AgeBand
import uniffi.kefir_core.Condition
import uniffi.kefir_core.KefirKind
import uniffi.kefir_core.Level
import uniffi.kefir_core.MedClass
import uniffi.kefir_core.Profile
import uniffi.kefir_core.Screening
import uniffi.kefir_core.ScreeningForm
import uniffi.kefir_core.Source
import uniffi.kefir_ffi.screeningForm

/** The first-run (and later "edit profile") form. Options are the core's enums, in its order. */
data class ProfileForm(
    val displayName: String = "",
    val ageBand: AgeBand = AgeBand.ADULT,
    val conditions: Set<Condition> = emptySet(),
    val medicines: Set<MedClass> = emptySet(),
    val preferredKinds: Set<KefirKind> = emptySet(),
    val preferredSources: Set<Source> = emptySet(),
) {
    fun toggle(c: Condition) = copy(conditions = conditions.toggled(c))
    fun toggle(m: MedClass) = copy(medicines = medicines.toggled(m))
    fun toggle(k: KefirKind) = copy(preferredKinds = preferredKinds.toggled(k))
    fun toggle(s: Source) = copy(preferredSources = preferredSources.toggled(s))

    /** Lists in the core's enum order (the core sorts and de-duplicates anyway). */
    fun toProfile(): Profile = Profile(
        displayName = displayName.ifBlank { null },
        ageBand = ageBand,
        conditions = Condition.entries.filter { it in conditions },
        medicines = MedClass.entries.filter { it in medicines },
        preferredKinds = KefirKind.entries.filter { it in preferredKinds },
        preferredSources = Source.entries.filter { it in preferredSources },
    )

    companion object {
        fun from(p: Profile) = ProfileForm(
            displayName = p.displayName.orEmpty(),
            ageBand = p.ageBand,
            conditions = p.conditions.toSet(),
            medicines = p.medicines.toSet(),
            preferredKinds = p.preferredKinds.toSet(),
            preferredSources = p.preferredSources.toSet(),
        )
    }
}

/**
 * What the profile (screening) screen starts from, in one call: the stored
 * profile as the form, and the core's `screeningForm(locale)` with every
 * option's label and help text (age bands, conditions, medicines, kinds,
 * sources) in the app's language. Both platforms ask the same questions in
 * the same words: the core's.
 */
data class ProfileStart(val form: ProfileForm, val questions: ScreeningForm)

suspend fun loadProfileStart(gateway: CoreGateway): CoreResult<ProfileStart> =
    gateway.read { cx -> ProfileStart(ProfileForm.from(profile()), screeningForm(cx.locale)) }

private fun <T> Set<T>.toggled(x: T): Set<T> = if (x in this) this - x else this + x

/** The screening result screen after saveProfile. */
data class ScreeningUi(
    val level: Level,
    /** [level] in the app's language, the core's word. */
    val levelLabel: String,
    /** The core's one-line verdict and its limits in words (one line each, with rule ids). */
    val headline: String,
    val limits: List<String>,
    val findings: List<FindingUi>,
    /** Show the "cleared by my clinician" step: consult findings not yet acknowledged. */
    val showClinicianStep: Boolean,
    val unclearedRuleIds: String,
    /** Localized time of the stored clearance, if every consult finding is cleared. */
    val clinicianClearedAt: String?,
    val mayStart: Boolean,
    val disclaimer: String,
)

fun Screening.toUi(f: DisplayFormat, zone: String): ScreeningUi = ScreeningUi(
    level = level,
    levelLabel = levelLabel,
    headline = headline,
    limits = limits,
    findings = findings.toUi(),
    showClinicianStep = needsClinician && unclearedRuleIds.isNotEmpty(),
    unclearedRuleIds = f.ruleIds(unclearedRuleIds),
    clinicianClearedAt = clinicianClearedAt?.let { f.dateTime(it, zone) },
    mayStart = mayStart,
    disclaimer = disclaimer,
)
