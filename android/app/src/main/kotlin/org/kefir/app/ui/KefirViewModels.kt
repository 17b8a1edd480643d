package org.kefir.app.ui

import androidx.lifecycle.ViewModelProvider
import androidx.lifecycle.createSavedStateHandle
import androidx.lifecycle.viewmodel.CreationExtras
import androidx.lifecycle.viewmodel.initializer
import androidx.lifecycle.viewmodel.viewModelFactory
import org.kefir.app.KefirApplication
import org.kefir.app.ui.checkin.CheckinViewModel
import org.kefir.app.ui.dose.DoseViewModel
import org.kefir.app.ui.drink.DrinkViewModel
import org.kefir.app.ui.plan.PlanViewModel
import org.kefir.app.ui.profile.ProfileViewModel
import org.kefir.app.ui.reports.ReportsViewModel
import org.kefir.app.ui.settings.SettingsViewModel
import org.kefir.app.ui.start.StartViewModel
import org.kefir.app.ui.today.TodayViewModel

/** Builds every screen's ViewModel with the application's one CoreGateway. */
val KefirViewModelFactory: ViewModelProvider.Factory = viewModelFactory {
    initializer { StartViewModel(kefirApp()) }
    initializer { ProfileViewModel(kefirApp(), createSavedStateHandle()) }
    initializer { TodayViewModel(kefirApp()) }
    initializer { DrinkViewModel(kefirApp()) }
    initializer { DoseViewModel(kefirApp()) }
    initializer { CheckinViewModel(kefirApp(), createSavedStateHandle()) }
    initializer { PlanViewModel(kefirApp()) }
    initializer { ReportsViewModel(kefirApp()) }
    initializer { SettingsViewModel(kefirApp()) }
}

private fun CreationExtras.kefirApp(): KefirApplication =
    this[ViewModelProvider.AndroidViewModelFactory.APPLICATION_KEY] as KefirApplication
