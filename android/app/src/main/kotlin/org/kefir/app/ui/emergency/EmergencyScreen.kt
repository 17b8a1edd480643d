package org.kefir.app.ui.emergency

import android.content.ActivityNotFoundException
import android.content.Intent
import android.net.Uri
import androidx.activity.compose.BackHandler
import androidx.compose.foundation.background
import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.fillMaxSize
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.heightIn
import androidx.compose.foundation.layout.padding
import androidx.compose.foundation.layout.safeDrawingPadding
import androidx.compose.foundation.rememberScrollState
import androidx.compose.foundation.verticalScroll
import androidx.compose.material3.Button
import androidx.compose.material3.ButtonDefaults
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.OutlinedButton
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import androidx.compose.runtime.collectAsState
import androidx.compose.runtime.getValue
import androidx.compose.runtime.mutableStateOf
import androidx.compose.runtime.remember
import androidx.compose.runtime.setValue
import androidx.compose.ui.Modifier
import androidx.compose.ui.platform.LocalContext
import androidx.compose.ui.res.stringResource
import androidx.compose.ui.semantics.heading
import androidx.compose.ui.semantics.semantics
import androidx.compose.ui.unit.dp
import androidx.lifecycle.ViewModel
import kotlinx.coroutines.flow.MutableStateFlow
import kotlinx.coroutines.flow.StateFlow
import org.kefir.app.R
import org.kefir.app.logic.EmergencyUi
import org.kefir.app.ui.MinTouch

/** Activity-scoped: carries the core's emergency screen from the check-in to this screen. */
class EmergencyViewModel : ViewModel() {
    private val _screen = MutableStateFlow<EmergencyUi?>(null)
    val screen: StateFlow<EmergencyUi?> = _screen

    fun show(ui: EmergencyUi) {
        _screen.value = ui
    }
}

/**
 * Full screen, high contrast: the core's steps in order, a "Call" button
 * per number the core gives (EmergencyScreen.callNumbers, from the app's
 * region) and one that opens the dialer empty; no country logic here.
 */
@Composable
fun EmergencyScreen(vm: EmergencyViewModel, onClose: () -> Unit) {
    val ui by vm.screen.collectAsState()
    val context = LocalContext.current
    var noDialer by remember { mutableStateOf(false) }
    BackHandler(onBack = onClose)
    Column(
        modifier = Modifier
            .fillMaxSize()
            .background(MaterialTheme.colorScheme.errorContainer)
            .safeDrawingPadding()
            .verticalScroll(rememberScrollState())
            .padding(20.dp),
        verticalArrangement = Arrangement.spacedBy(16.dp),
    ) {
        val screen = ui
        if (screen != null) {
            EmergencySteps(screen, onDial = { number ->
                try {
                    // ACTION_DIAL needs no permission and calls nobody by itself:
                    // the dialer opens with the number filled in (or empty).
                    val dial = Intent(Intent.ACTION_DIAL)
                    if (number != null) dial.data = Uri.fromParts("tel", number, null)
                    context.startActivity(dial)
                } catch (e: ActivityNotFoundException) {
                    noDialer = true
                }
            })
            if (noDialer) {
                Text(stringResource(R.string.emergency_no_dialer), color = MaterialTheme.colorScheme.onErrorContainer)
            }
        }
        // Also the way out when the process was recreated and the screen is gone.
        OutlinedButton(onClick = onClose, modifier = Modifier.fillMaxWidth().heightIn(min = MinTouch)) {
            Text(stringResource(R.string.action_back_to_today), color = MaterialTheme.colorScheme.onErrorContainer)
        }
    }
}

@Composable
private fun EmergencySteps(screen: EmergencyUi, onDial: (String?) -> Unit) {
    Text(
        screen.title,
        style = MaterialTheme.typography.headlineMedium,
        color = MaterialTheme.colorScheme.onErrorContainer,
        modifier = Modifier.semantics { heading() },
    )
    // One button per number the core gives for the app's region (no number
    // of the app's own), then the dialer without a number for any other.
    for (number in screen.callNumbers) {
        Button(
            onClick = { onDial(number) },
            colors = ButtonDefaults.buttonColors(
                containerColor = MaterialTheme.colorScheme.error,
                contentColor = MaterialTheme.colorScheme.onError,
            ),
            modifier = Modifier.fillMaxWidth().heightIn(min = 64.dp),
        ) { Text(stringResource(R.string.action_call_number, number), style = MaterialTheme.typography.titleLarge) }
    }
    Button(
        onClick = { onDial(null) },
        colors = ButtonDefaults.buttonColors(
            containerColor = MaterialTheme.colorScheme.error,
            contentColor = MaterialTheme.colorScheme.onError,
        ),
        modifier = Modifier.fillMaxWidth().heightIn(min = 64.dp),
    ) { Text(stringResource(R.string.action_open_dialer), style = MaterialTheme.typography.titleLarge) }
    for (step in screen.steps) {
        Text(step, style = MaterialTheme.typography.titleMedium, color = MaterialTheme.colorScheme.onErrorContainer)
    }
    Text(stringResource(R.string.rule_ids, screen.ruleIds), color = MaterialTheme.colorScheme.onErrorContainer)
    Text(screen.disclaimer, style = MaterialTheme.typography.bodySmall, color = MaterialTheme.colorScheme.onErrorContainer)
}
