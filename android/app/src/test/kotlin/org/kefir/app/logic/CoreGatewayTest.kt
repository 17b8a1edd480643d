package org.kefir.app.logic

import java.util.concurrent.Executors
import kotlin.test.AfterTest
import kotlin.test.Test
import kotlin.test.assertEquals
import kotlin.test.assertNotEquals
import kotlin.test.assertTrue
import kotlinx.coroutines.asCoroutineDispatcher
import uniffi.kefir_core.DrinkInput
import uniffi.kefir_core.KefirKind
import uniffi.kefir_core.PlanSettings
import uniffi.kefir_core.Profile
import uniffi.kefir_core.AgeBand
import uniffi.kefir_core.Condition
import uniffi.kefir_core.Source
import uniffi.kefir_ffi.KefirApp

class CoreGatewayTest {
    private val core = TestCore()

    @AfterTest
    fun cleanup() = core.close()

    @Test
    fun callsRunOnTheIoDispatcherNotTheCallersThread() {
        val executor = Executors.newSingleThreadExecutor { r -> Thread(r, "kefir-io-test") }
        try {
            val gateway = CoreGateway({ KefirApp(core.dbPath) }, core.clock, executor.asCoroutineDispatcher())
            val caller = Thread.currentThread().name
            val (thread, today) = blocking { gateway.read { cx -> Thread.currentThread().name to today(cx.now, cx.zone, cx.locale) } }.ok()
            assertEquals("kefir-io-test", thread)
            assertNotEquals(caller, thread)
            assertEquals("2025-03-10", today.date)
        } finally {
            executor.shutdownNow()
        }
    }

    @Test
    fun theShellPassesItsClockAndZoneToTheCore() {
        core.clock.zone = "Pacific/Auckland" // 08:30Z is 21:30 the same day there
        val today = blocking { core.gateway.read { cx -> today(cx.now, cx.zone, cx.locale) } }.ok()
        assertEquals("Pacific/Auckland", today.timeZone)
        assertEquals("2025-03-10", today.date)
        core.clock.now = core.clock.now.plusSeconds(3 * 3600) // 00:30 next day in Auckland
        assertEquals("2025-03-11", blocking { core.gateway.read { cx -> today(cx.now, cx.zone, cx.locale) } }.ok().date)
    }

    @Test
    fun afterWriteRunsOnlyAfterASuccessfulWrite() {
        var writes = 0
        core.gateway.afterWrite = { writes++ }
        val drink = DrinkInput(at = core.clock.now, ml = 50u, kind = KefirKind.MILK_COW, source = Source.COMMERCIAL)
        blocking { core.gateway.write { cx -> logDrink(drink, cx.now, cx.zone, cx.locale) } }.ok()
        assertEquals(1, writes)

        val err = blocking { core.gateway.write { cx -> logDrink(drink.copy(ml = 0u), cx.now, cx.zone, cx.locale) } }.failed()
        assertEquals(ErrorKind.INVALID_INPUT, err.kind)
        assertEquals("ml", err.field)
        assertTrue(err.detail!!.contains("0 ml"), err.detail)
        assertEquals(1, writes)

        blocking { core.gateway.read { cx -> today(cx.now, cx.zone, cx.locale) } }.ok()
        assertEquals(1, writes, "reads do not trigger afterWrite")
    }

    @Test
    fun aRefusedActionCarriesTheCoreReasonAndRuleIds() {
        val pregnant = Profile(ageBand = AgeBand.ADULT, conditions = listOf(Condition.PREGNANT), medicines = emptyList(),
            preferredKinds = emptyList(), preferredSources = emptyList())
        blocking { core.gateway.write { cx -> saveProfile(pregnant, cx.now, cx.locale) } }.ok()
        val err = blocking { core.gateway.write { cx -> startPlan(PlanSettings(), cx.now, cx.zone, cx.locale) } }.failed()
        assertEquals(ErrorKind.NOT_ALLOWED, err.kind)
        assertTrue("P4" in err.ruleIds, err.ruleIds.toString())
        assertTrue(!err.detail.isNullOrBlank())
    }

    @Test
    fun aFileThatIsNotADatabaseIsReportedNotThrown() {
        core.dir.resolve("kefir.db").writeText("this is not a kefir database, just some text long enough to be a header")
        val err = blocking { core.gateway.read { cx -> today(cx.now, cx.zone, cx.locale) } }.failed()
        assertEquals(ErrorKind.DATABASE_UNREADABLE, err.kind)
        // The file was left untouched.
        assertTrue(core.dir.resolve("kefir.db").readText().startsWith("this is not a kefir database"))
    }
}
