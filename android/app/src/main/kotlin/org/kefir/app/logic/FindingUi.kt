package org.kefir.app.logic

import uniffi.kefir_core.Finding
import uniffi.kefir_core.Level

/** One rule that applies, as a card: all text verbatim from the core. */
data class FindingUi(
    val ruleId: String,
    val level: Level,
    /** The level in the app's language, from the core. */
    val levelLabel: String,
    val title: String,
    val advice: String,
    val source: String,
) {
    /** stop and emergency cards are drawn as alerts. */
    val isAlert: Boolean get() = level == Level.STOP || level == Level.EMERGENCY
}

fun Finding.toUi(): FindingUi = FindingUi(ruleId, level, levelLabel, title, advice, source)

fun List<Finding>.toUi(): List<FindingUi> = map { it.toUi() }
