package org.kefir.app

import android.content.Intent
import android.os.Bundle
import androidx.activity.ComponentActivity
import androidx.activity.compose.setContent
import androidx.activity.enableEdgeToEdge
import androidx.compose.runtime.mutableStateOf
import kotlinx.coroutines.launch
import org.kefir.app.ui.KefirNavHost
import org.kefir.app.ui.theme.KefirTheme

class MainActivity : ComponentActivity() {
    /** The notification kind a reminder was tapped with, until the navigation handled it. */
    private val openRequest = mutableStateOf<String?>(null)

    override fun onCreate(savedInstanceState: Bundle?) {
        super.onCreate(savedInstanceState)
        enableEdgeToEdge()
        if (savedInstanceState == null) openRequest.value = intent.getStringExtra(EXTRA_OPEN)
        setContent {
            KefirTheme {
                KefirNavHost(openRequest = openRequest.value, onOpenHandled = { openRequest.value = null })
            }
        }
    }

    override fun onStart() {
        super.onStart()
        // Back in the foreground: the day, the zone or the data may have changed.
        val app = application as KefirApplication
        app.appScope.launch { app.reminders.reschedule() }
    }

    override fun onNewIntent(intent: Intent) {
        super.onNewIntent(intent)
        setIntent(intent)
        openRequest.value = intent.getStringExtra(EXTRA_OPEN)
    }

    companion object {
        const val EXTRA_OPEN = "open"
    }
}
