package org.kefir.app.ui

import androidx.compose.runtime.Composable
import androidx.compose.runtime.LaunchedEffect
import androidx.lifecycle.viewmodel.compose.viewModel
import androidx.navigation.NavHostController
import androidx.navigation.NavType
import androidx.navigation.compose.NavHost
import androidx.navigation.compose.composable
import androidx.navigation.navArgument
import androidx.lifecycle.ViewModel
import org.kefir.app.logic.EmergencyExit
import org.kefir.app.logic.OpenRouter
import org.kefir.app.logic.Screen
import org.kefir.app.logic.emergencyExit
import org.kefir.app.logic.openTargetFor
import org.kefir.app.ui.checkin.CheckinScreen
import org.kefir.app.ui.checkin.CheckinViewModel
import org.kefir.app.ui.dose.DoseScreen
import org.kefir.app.ui.drink.DrinkScreen
import org.kefir.app.ui.emergency.EmergencyScreen
import org.kefir.app.ui.emergency.EmergencyViewModel
import org.kefir.app.ui.plan.PlanScreen
import org.kefir.app.ui.profile.ProfileScreen
import org.kefir.app.ui.profile.ProfileViewModel
import org.kefir.app.ui.reports.ReportsScreen
import org.kefir.app.ui.settings.SettingsScreen
import org.kefir.app.ui.start.StartScreen
import org.kefir.app.ui.today.TodayScreen

private object Routes {
    const val START = "start"
    const val PROFILE = "profile?${ProfileViewModel.ARG_ONBOARDING}={${ProfileViewModel.ARG_ONBOARDING}}"
    const val TODAY = "today"
    const val DRINK = "drink"
    const val DOSE = "dose"
    const val CHECKIN = "checkin/{${CheckinViewModel.ARG_MODE}}"
    const val EMERGENCY = "emergency"
    const val PLAN = "plan"
    const val REPORTS = "reports"
    const val SETTINGS = "settings"

    fun checkin(mode: String) = "checkin/$mode"
    fun profile(onboarding: Boolean) = "profile?${ProfileViewModel.ARG_ONBOARDING}=$onboarding"
}

/**
 * The app's screens. [openRequest] is the notification kind a reminder was
 * tapped with (or null); [onOpenHandled] clears it.
 */
/** Activity-scoped: survives rotation, so a tap held during a cold start is not lost. */
class NavigationViewModel : ViewModel() {
    val router = OpenRouter()
}

private fun Screen.route(): String = when (this) {
    Screen.ONBOARDING -> Routes.profile(onboarding = true)
    Screen.TODAY -> Routes.TODAY
    Screen.CHECKIN -> Routes.checkin(CheckinViewModel.MODE_DAILY)
    Screen.DRINK -> Routes.DRINK
}

@Composable
fun KefirNavHost(nav: NavHostController, openRequest: String?, onOpenHandled: () -> Unit) {
    // Activity-scoped: hands the core's emergency screen from the check-in to the emergency route.
    val emergency: EmergencyViewModel = viewModel()
    // OpenRouter (plain Kotlin, tested on the JVM) holds a reminder tap until
    // the start screen has decided, then stacks it on Today.
    val router = viewModel<NavigationViewModel>().router

    NavHost(navController = nav, startDestination = Routes.START) {
        composable(Routes.START) {
            StartScreen(onStarted = { target ->
                val stack = router.started(target)
                nav.replaceAll(stack.first().route())
                stack.drop(1).forEach { nav.navigate(it.route()) }
            })
        }
        composable(
            Routes.PROFILE,
            arguments = listOf(navArgument(ProfileViewModel.ARG_ONBOARDING) {
                type = NavType.BoolType
                defaultValue = false
            }),
        ) {
            val canGoBack = nav.previousBackStackEntry != null
            ProfileScreen(
                onDone = {
                    router.finishedOnboarding()
                    nav.replaceAll(Routes.TODAY)
                },
                onBack = if (canGoBack) ({ nav.popBackStack() }) else null,
            )
        }
        composable(Routes.TODAY) {
            // After process recreation the start screen never runs: Today releases a held tap.
            LaunchedEffect(Unit) { router.showingToday().forEach { nav.navigate(it.route()) } }
            TodayScreen(
                onLogDrink = { nav.navigate(Routes.DRINK) },
                onLogDose = { nav.navigate(Routes.DOSE) },
                onCheckin = { nav.navigate(Routes.checkin(CheckinViewModel.MODE_DAILY)) },
                onFillYesterday = { nav.navigate(Routes.checkin(CheckinViewModel.MODE_YESTERDAY)) },
                onReaction = { nav.navigate(Routes.checkin(CheckinViewModel.MODE_REACTION)) },
                onPlan = { nav.navigate(Routes.PLAN) },
                onReports = { nav.navigate(Routes.REPORTS) },
                onSettings = { nav.navigate(Routes.SETTINGS) },
                onProfile = { nav.navigate(Routes.profile(onboarding = false)) },
            )
        }
        composable(Routes.DRINK) { DrinkScreen(onDone = { nav.popBackStack() }) }
        composable(Routes.DOSE) { DoseScreen(onDone = { nav.popBackStack() }) }
        composable(
            Routes.CHECKIN,
            arguments = listOf(navArgument(CheckinViewModel.ARG_MODE) { type = NavType.StringType }),
        ) {
            CheckinScreen(
                onEmergency = { screen ->
                    emergency.show(screen)
                    // Straight to the full-screen steps; back from there goes to Today.
                    nav.navigate(Routes.EMERGENCY) { popUpTo(Routes.TODAY) }
                },
                onDone = { nav.popBackStack() },
            )
        }
        composable(Routes.EMERGENCY) {
            EmergencyScreen(emergency, onClose = {
                val todayOnStack = runCatching { nav.getBackStackEntry(Routes.TODAY) }.isSuccess
                when (emergencyExit(todayOnStack)) {
                    EmergencyExit.POP_TO_TODAY -> nav.popBackStack(Routes.TODAY, inclusive = false)
                    EmergencyExit.REPLACE_WITH_TODAY -> nav.replaceAll(Routes.TODAY)
                }
            })
        }
        composable(Routes.PLAN) { PlanScreen(onBack = { nav.popBackStack() }) }
        composable(Routes.REPORTS) { ReportsScreen(onBack = { nav.popBackStack() }) }
        composable(Routes.SETTINGS) {
            SettingsScreen(onBack = { nav.popBackStack() }, onWiped = {
                router.restart()
                nav.replaceAll(Routes.START)
            })
        }
    }

    LaunchedEffect(openRequest) {
        if (openRequest == null) return@LaunchedEffect
        // On a cold start this returns nothing and the router holds the tap
        // until StartScreen's onStarted; later it returns the screen to push.
        router.open(openTargetFor(openRequest)).forEach { nav.navigate(it.route()) }
        onOpenHandled()
    }
}

/** Navigate to [route] as the only screen on the back stack. */
private fun NavHostController.replaceAll(route: String) = navigate(route) {
    popUpTo(graph.id) { inclusive = true }
    launchSingleTop = true
}
