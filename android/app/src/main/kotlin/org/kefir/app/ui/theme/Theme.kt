package org.kefir.app.ui.theme

import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.darkColorScheme
import androidx.compose.runtime.Composable
import androidx.compose.ui.graphics.Color

// A dark scheme; text/background pairs meet WCAG AA contrast.
private val KefirDark = darkColorScheme(
    primary = Color(0xFF9CCFA8),
    onPrimary = Color(0xFF0B3A1C),
    primaryContainer = Color(0xFF24512F),
    onPrimaryContainer = Color(0xFFB8ECC3),
    secondary = Color(0xFFB8CCB9),
    onSecondary = Color(0xFF233427),
    tertiary = Color(0xFFF2C46D),
    onTertiary = Color(0xFF402D00),
    tertiaryContainer = Color(0xFF5C4300),
    onTertiaryContainer = Color(0xFFFFDEA6),
    error = Color(0xFFFFB4AB),
    onError = Color(0xFF690005),
    errorContainer = Color(0xFF93000A),
    onErrorContainer = Color(0xFFFFDAD6),
    background = Color(0xFF121412),
    onBackground = Color(0xFFE2E3DE),
    surface = Color(0xFF121412),
    onSurface = Color(0xFFE2E3DE),
    surfaceVariant = Color(0xFF414941),
    onSurfaceVariant = Color(0xFFC1C9BF),
    outline = Color(0xFF8B9389),
)

/** The app is dark-themed only. */
@Composable
fun KefirTheme(content: @Composable () -> Unit) {
    MaterialTheme(colorScheme = KefirDark, content = content)
}
