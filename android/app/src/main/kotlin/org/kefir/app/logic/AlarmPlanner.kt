package org.kefir.app.logic

import java.time.Instant

/** How many upcoming notifications the shell asks the core for and keeps scheduled. Android
 * allows an app a few hundred pending alarms; the list is recomputed after every write, after each
 * alarm fires, on reboot, and on time or zone changes, so a short window is enough. */
const val UPCOMING_COUNT: UInt = 48u

/**
 * One notification as the core computed it: stable id, instant, kind (the
 * core's enum name), the full text, and the lock-screen version (issue 17):
 * when [private], the lock screen shows only [publicTitle] and [publicBody]
 * (which name no medicine, symptom or amount).
 */
data class AlarmSpec(
    val id: String,
    val fireAt: Instant,
    val kind: String,
    val title: String,
    val body: String,
    val publicTitle: String = "",
    val publicBody: String = "",
    val `private`: Boolean = true,
) {
    /**
     * What the lock screen may show: the core's public version when
     * [private], null when the user chose full text on the lock screen.
     */
    val lockScreen: LockScreenText? get() = if (`private`) LockScreenText(publicTitle, publicBody) else null

    /** What the notification posts (see [PostedNotification]). */
    val posted: PostedNotification get() = postedNotification(title, body, lockScreen)
}

/** The lock-screen title and body of a private reminder, the core's words. */
data class LockScreenText(val title: String, val body: String)

/**
 * What a posted notification carries (issue 17). Android redacts a
 * VISIBILITY_PRIVATE notification on a secure lock screen only when the
 * person turned "sensitive content" off, which is not the default; so a
 * private notification's own title and body ARE the core's public version
 * (hidden under every lock-screen setting, as on iOS), and [publicVersion]
 * is also set as `setPublicVersion` with VISIBILITY_PRIVATE. Not private
 * (the person chose full text on the lock screen): the full text,
 * VISIBILITY_PUBLIC, [publicVersion] null. The full text is what the app
 * shows when opened.
 */
data class PostedNotification(val title: String, val body: String, val publicVersion: LockScreenText?) {
    /** VISIBILITY_PRIVATE (with [publicVersion]) rather than VISIBILITY_PUBLIC. */
    val visibilityPrivate: Boolean get() = publicVersion != null
}

/** The full [title]/[body], or, when [lock] is given (private), the public version everywhere outside the app. */
fun postedNotification(title: String, body: String, lock: LockScreenText?): PostedNotification =
    if (lock == null) PostedNotification(title, body, null) else PostedNotification(lock.title, lock.body, lock)

data class ScheduledAlarm(val spec: AlarmSpec, val requestCode: Int)

data class CancelledAlarm(val id: String, val requestCode: Int)

/**
 * Which alarms to set and cancel. Apply [cancelled] first, then set every
 * alarm in [toSchedule]: setting an alarm whose PendingIntent has the same
 * request code replaces it (FLAG_UPDATE_CURRENT refreshes time and text).
 */
data class AlarmPlan(
    /** Ids not scheduled before. */
    val added: List<ScheduledAlarm>,
    /** Ids scheduled before and still upcoming: set again, keeping their request code. */
    val kept: List<ScheduledAlarm>,
    /** Ids scheduled before and no longer upcoming (done check-in, changed settings, past). */
    val cancelled: List<CancelledAlarm>,
    /** id → request code, to store for the next plan. */
    val state: Map<String, Int>,
) {
    /** Everything to set, by fire time. */
    val toSchedule: List<ScheduledAlarm> get() = (kept + added).sortedWith(compareBy({ it.spec.fireAt }, { it.spec.id }))
}

object AlarmPlanner {
    /**
     * Plan from the ids scheduled before ([previous], id → request code) and
     * the core's new list. A request code is derived from the id
     * (`String.hashCode`, fixed by the Java spec, so the same on every run) and
     * stays with its id for as long as the id stays scheduled; a clash with a
     * code already in use moves to the next free code.
     */
    fun plan(previous: Map<String, Int>, upcoming: List<AlarmSpec>): AlarmPlan {
        val specs = upcoming.distinctBy { it.id }
        val newIds = specs.map { it.id }.toSet()
        val keptCodes = previous.filterKeys { it in newIds }
        val taken = keptCodes.values.toMutableSet()
        val codes = HashMap(keptCodes)
        for (id in specs.map { it.id }.filter { it !in keptCodes }.sorted()) {
            val code = requestCode(id, taken)
            taken += code
            codes[id] = code
        }
        val kept = specs.filter { it.id in keptCodes }.map { ScheduledAlarm(it, codes.getValue(it.id)) }
        val added = specs.filter { it.id !in keptCodes }.map { ScheduledAlarm(it, codes.getValue(it.id)) }
        val cancelled = previous.filterKeys { it !in newIds }.toSortedMap().map { (id, code) -> CancelledAlarm(id, code) }
        return AlarmPlan(added, kept, cancelled, codes.toSortedMap())
    }

    /** The id's hash, or the next code not in [taken]. */
    fun requestCode(id: String, taken: Set<Int>): Int {
        var code = id.hashCode()
        while (code in taken) code += 1 // Int overflow wraps, which is fine for a request code.
        return code
    }

    /** Stored form of the plan state: one `id<TAB>code` per line (ids never hold tabs or newlines). */
    fun encode(state: Map<String, Int>): String =
        state.toSortedMap().entries.joinToString("\n") { (id, code) -> "$id\t$code" }

    /** Reads [encode]'s output; lines that do not parse are dropped. */
    fun decode(text: String?): Map<String, Int> =
        text.orEmpty().lineSequence().mapNotNull { line ->
            val tab = line.lastIndexOf('\t')
            if (tab <= 0) return@mapNotNull null
            line.substring(tab + 1).toIntOrNull()?.let { line.substring(0, tab) to it }
        }.toMap()
}
