package org.kefir.app.ui

import androidx.annotation.StringRes
import org.kefir.app.R
import org.kefir.app.logic.ErrorKind
import uniffi.kefir_core.AgeBand
import uniffi.kefir_core.Condition
import uniffi.kefir_core.DecisionKind
import uniffi.kefir_core.KefirKind
import uniffi.kefir_core.Level
import uniffi.kefir_core.MedClass
import uniffi.kefir_core.PlanStatus
import uniffi.kefir_core.Severity
import uniffi.kefir_core.Source
import uniffi.kefir_core.Symptom
import uniffi.kefir_core.Weekday

// Field and option labels for the core's enums (strings.xml). The `when`s are
// exhaustive on purpose: a new core enum value fails the build until labelled.

@StringRes
fun Symptom.label(): Int = when (this) {
    Symptom.BLOATING -> R.string.symptom_bloating
    Symptom.GAS -> R.string.symptom_gas
    Symptom.ABDOMINAL_PAIN -> R.string.symptom_abdominal_pain
    Symptom.CRAMPS -> R.string.symptom_cramps
    Symptom.DIARRHOEA -> R.string.symptom_diarrhoea
    Symptom.CONSTIPATION -> R.string.symptom_constipation
    Symptom.NAUSEA -> R.string.symptom_nausea
    Symptom.SKIN_REDNESS -> R.string.symptom_skin_redness
    Symptom.ITCHING -> R.string.symptom_itching
    Symptom.HIVES -> R.string.symptom_hives
    Symptom.LIP_FACE_TONGUE_SWELLING -> R.string.symptom_lip_face_tongue_swelling
    Symptom.ITCHY_THROAT -> R.string.symptom_itchy_throat
    Symptom.BREATHING_DIFFICULTY -> R.string.symptom_breathing_difficulty
    Symptom.FAINTNESS -> R.string.symptom_faintness
    Symptom.FEVER_CHILLS -> R.string.symptom_fever_chills
    Symptom.BLOOD_IN_STOOL -> R.string.symptom_blood_in_stool
}

@StringRes
fun Severity.label(): Int = when (this) {
    Severity.NONE -> R.string.severity_none
    Severity.MILD -> R.string.severity_mild
    Severity.MODERATE -> R.string.severity_moderate
    Severity.SEVERE -> R.string.severity_severe
}

@StringRes
fun Condition.label(): Int = when (this) {
    Condition.MILK_PROTEIN_ALLERGY -> R.string.condition_milk_protein_allergy
    Condition.LACTOSE_INTOLERANCE -> R.string.condition_lactose_intolerance
    Condition.HISTAMINE_SENSITIVITY -> R.string.condition_histamine_sensitivity
    Condition.PREGNANT -> R.string.condition_pregnant
    Condition.BREASTFEEDING -> R.string.condition_breastfeeding
    Condition.NEUTROPENIA -> R.string.condition_neutropenia
    Condition.CHEMOTHERAPY -> R.string.condition_chemotherapy
    Condition.TRANSPLANT -> R.string.condition_transplant
    Condition.BIOLOGICS_OR_IMMUNOSUPPRESSANTS -> R.string.condition_biologics_or_immunosuppressants
    Condition.CENTRAL_LINE -> R.string.condition_central_line
    Condition.ICU_STAY -> R.string.condition_icu_stay
    Condition.SHORT_BOWEL -> R.string.condition_short_bowel
    Condition.KIDNEY_DISEASE_OR_POTASSIUM_RESTRICTION -> R.string.condition_kidney_disease_or_potassium_restriction
    Condition.AVOIDING_ALCOHOL -> R.string.condition_avoiding_alcohol
}

@StringRes
fun MedClass.label(): Int = when (this) {
    MedClass.ANTIBIOTIC -> R.string.med_antibiotic
    MedClass.FLUOROQUINOLONE_OR_TETRACYCLINE -> R.string.med_fluoroquinolone_or_tetracycline
    MedClass.IMMUNOSUPPRESSANT -> R.string.med_immunosuppressant
    MedClass.MAO_INHIBITOR -> R.string.med_mao_inhibitor
    MedClass.METRONIDAZOLE_OR_DISULFIRAM -> R.string.med_metronidazole_or_disulfiram
    MedClass.VITAMIN_K_ANTAGONIST -> R.string.med_vitamin_k_antagonist
    MedClass.OTHER -> R.string.med_other
}

@StringRes
fun AgeBand.label(): Int = when (this) {
    AgeBand.INFANT_UNDER12_MONTHS -> R.string.age_infant
    AgeBand.CHILD -> R.string.age_child
    AgeBand.ADULT -> R.string.age_adult
}

@StringRes
fun KefirKind.label(): Int = when (this) {
    KefirKind.MILK_COW -> R.string.kind_milk_cow
    KefirKind.MILK_GOAT -> R.string.kind_milk_goat
    KefirKind.MILK_SHEEP -> R.string.kind_milk_sheep
    KefirKind.WATER -> R.string.kind_water
    KefirKind.PLANT -> R.string.kind_plant
}

@StringRes
fun Source.label(): Int = when (this) {
    Source.HOMEMADE -> R.string.source_homemade
    Source.COMMERCIAL -> R.string.source_commercial
}

@StringRes
fun Level.label(): Int = when (this) {
    Level.INFO -> R.string.level_info
    Level.CAUTION -> R.string.level_caution
    Level.CONSULT -> R.string.level_consult
    Level.STOP -> R.string.level_stop
    Level.EMERGENCY -> R.string.level_emergency
}

@StringRes
fun PlanStatus.label(): Int = when (this) {
    PlanStatus.ACTIVE -> R.string.plan_status_active
    PlanStatus.PAUSED -> R.string.plan_status_paused
    PlanStatus.STOPPED -> R.string.plan_status_stopped
}

@StringRes
fun DecisionKind.label(): Int = when (this) {
    DecisionKind.START -> R.string.decision_start
    DecisionKind.ADVANCE -> R.string.decision_advance
    DecisionKind.HOLD -> R.string.decision_hold
    DecisionKind.STEP_BACK -> R.string.decision_step_back
    DecisionKind.PAUSE -> R.string.decision_pause
    DecisionKind.STOP -> R.string.decision_stop
    DecisionKind.MAINTAIN -> R.string.decision_maintain
    DecisionKind.PAUSED -> R.string.decision_paused
    DecisionKind.STOPPED -> R.string.decision_stopped
    DecisionKind.RESUME -> R.string.decision_resume
    DecisionKind.RESTART -> R.string.decision_restart
}

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

/** Bristol Stool Form Scale, standard descriptions of types 1–7. */
@StringRes
fun bristolLabel(type: UByte): Int = when (type.toInt()) {
    1 -> R.string.bristol_1
    2 -> R.string.bristol_2
    3 -> R.string.bristol_3
    4 -> R.string.bristol_4
    5 -> R.string.bristol_5
    6 -> R.string.bristol_6
    else -> R.string.bristol_7
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
    ErrorKind.STORAGE_FULL -> R.string.error_storage_full
    ErrorKind.STORAGE -> R.string.error_storage
    ErrorKind.INTERNAL -> R.string.error_internal
}
