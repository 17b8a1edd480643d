package org.kefir.app.ui

import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.Box
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.ColumnScope
import androidx.compose.foundation.layout.ExperimentalLayoutApi
import androidx.compose.foundation.layout.FlowRow
import androidx.compose.foundation.layout.Row
import androidx.compose.foundation.layout.fillMaxSize
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.consumeWindowInsets
import androidx.compose.foundation.layout.heightIn
import androidx.compose.foundation.layout.imePadding
import androidx.compose.foundation.layout.padding
import androidx.compose.foundation.rememberScrollState
import androidx.compose.foundation.selection.selectable
import androidx.compose.foundation.selection.toggleable
import androidx.compose.foundation.verticalScroll
import androidx.compose.material.icons.Icons
import androidx.compose.material.icons.automirrored.filled.ArrowBack
import androidx.compose.material3.Button
import androidx.compose.material3.Card
import androidx.compose.material3.CardDefaults
import androidx.compose.material3.Checkbox
import androidx.compose.material3.CircularProgressIndicator
import androidx.compose.material3.ExperimentalMaterial3Api
import androidx.compose.material3.FilterChip
import androidx.compose.material3.Icon
import androidx.compose.material3.IconButton
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.OutlinedButton
import androidx.compose.material3.RadioButton
import androidx.compose.material3.Scaffold
import androidx.compose.material3.Text
import androidx.compose.material3.TopAppBar
import androidx.compose.runtime.Composable
import androidx.compose.ui.Alignment
import androidx.compose.ui.Modifier
import androidx.compose.ui.res.stringResource
import androidx.compose.ui.semantics.LiveRegionMode
import androidx.compose.ui.semantics.Role
import androidx.compose.ui.semantics.contentDescription
import androidx.compose.ui.semantics.heading
import androidx.compose.ui.semantics.liveRegion
import androidx.compose.ui.semantics.role
import androidx.compose.ui.semantics.semantics
import androidx.compose.ui.unit.dp
import org.kefir.app.R
import org.kefir.app.logic.FindingUi
import org.kefir.app.logic.UiError
import uniffi.kefir_core.Level

/** Minimum touch target for anything tappable that is not a Material button. */
val MinTouch = 48.dp

/**
 * Every screen: a top bar and ONE vertically scrolling column. No fixed
 * heights anywhere, so text at 200 % font scale wraps and scrolls. The
 * column is padded for the keyboard (imePadding), so form fields stay visible.
 */
@OptIn(ExperimentalMaterial3Api::class)
@Composable
fun ScreenScaffold(
    title: String,
    onBack: (() -> Unit)?,
    content: @Composable ColumnScope.() -> Unit,
) {
    Scaffold(
        topBar = {
            TopAppBar(
                title = { Text(title, modifier = Modifier.semantics { heading() }) },
                navigationIcon = {
                    if (onBack != null) {
                        IconButton(onClick = onBack) {
                            Icon(Icons.AutoMirrored.Filled.ArrowBack, contentDescription = stringResource(R.string.action_back))
                        }
                    }
                },
            )
        },
    ) { padding ->
        Column(
            modifier = Modifier
                .padding(padding)
                // Edge-to-edge (targetSdk 35+): the Scaffold pads for the
                // system bars only. Take those out, then pad for the keyboard,
                // so a focused field scrolls above the IME instead of under it.
                .consumeWindowInsets(padding)
                .imePadding()
                .fillMaxSize()
                .verticalScroll(rememberScrollState())
                .padding(horizontal = 16.dp, vertical = 12.dp),
            verticalArrangement = Arrangement.spacedBy(12.dp),
            content = content,
        )
    }
}

@Composable
fun Loading() {
    val label = stringResource(R.string.loading)
    Box(Modifier.fillMaxWidth().padding(24.dp), contentAlignment = Alignment.Center) {
        CircularProgressIndicator(Modifier.semantics { contentDescription = label })
    }
}

@Composable
fun SectionTitle(text: String) {
    Text(text, style = MaterialTheme.typography.titleMedium, modifier = Modifier.semantics { heading() })
}

/** A rule that applies: title, the core's advice verbatim, rule id and source. */
@Composable
fun FindingCard(f: FindingUi) {
    val colors = when {
        f.isAlert -> CardDefaults.cardColors(
            containerColor = MaterialTheme.colorScheme.errorContainer,
            contentColor = MaterialTheme.colorScheme.onErrorContainer,
        )
        f.level == Level.CAUTION || f.level == Level.CONSULT -> CardDefaults.cardColors(
            containerColor = MaterialTheme.colorScheme.tertiaryContainer,
            contentColor = MaterialTheme.colorScheme.onTertiaryContainer,
        )
        else -> CardDefaults.cardColors()
    }
    Card(colors = colors, modifier = Modifier.fillMaxWidth()) {
        Column(Modifier.padding(12.dp).semantics(mergeDescendants = true) {}, verticalArrangement = Arrangement.spacedBy(4.dp)) {
            Text(f.levelLabel, style = MaterialTheme.typography.labelLarge)
            Text(f.title, style = MaterialTheme.typography.titleSmall)
            Text(f.advice, style = MaterialTheme.typography.bodyMedium)
            Text(stringResource(R.string.rule_and_source, f.ruleId, f.source), style = MaterialTheme.typography.bodySmall)
        }
    }
}

/** An error under a form or action: the kind's label and the core's text. */
@Composable
fun ErrorText(error: UiError?) {
    if (error == null) return
    val kind = stringResource(error.kind.label())
    val text = listOfNotNull(kind, error.detail, error.ruleIds.takeIf { it.isNotEmpty() }?.joinToString(", "))
        .joinToString("\n")
    Text(
        text,
        color = MaterialTheme.colorScheme.error,
        style = MaterialTheme.typography.bodyMedium,
        modifier = Modifier.semantics { liveRegion = LiveRegionMode.Polite },
    )
}

@Composable
fun PrimaryButton(text: String, enabled: Boolean = true, onClick: () -> Unit) {
    Button(onClick = onClick, enabled = enabled, modifier = Modifier.fillMaxWidth().heightIn(min = MinTouch)) { Text(text) }
}

@Composable
fun SecondaryButton(text: String, enabled: Boolean = true, onClick: () -> Unit) {
    OutlinedButton(onClick = onClick, enabled = enabled, modifier = Modifier.fillMaxWidth().heightIn(min = MinTouch)) { Text(text) }
}

/** A full-width checkbox row: the whole row is the 48 dp touch target. */
@Composable
fun CheckRow(text: String, checked: Boolean, supporting: String? = null, onChange: (Boolean) -> Unit) {
    Row(
        Modifier
            .fillMaxWidth()
            .heightIn(min = MinTouch)
            .toggleable(value = checked, role = Role.Checkbox, onValueChange = onChange),
        verticalAlignment = Alignment.CenterVertically,
    ) {
        Checkbox(checked = checked, onCheckedChange = null)
        RowText(text, supporting)
    }
}

/** A row's label and, under it, the core's help or description text. */
@Composable
private fun RowText(text: String, supporting: String?) {
    Column(Modifier.padding(start = 12.dp)) {
        Text(text, style = MaterialTheme.typography.bodyLarge)
        if (!supporting.isNullOrBlank()) {
            Text(supporting, style = MaterialTheme.typography.bodySmall, color = MaterialTheme.colorScheme.onSurfaceVariant)
        }
    }
}

/** A full-width radio row. */
@Composable
fun RadioRow(text: String, selected: Boolean, supporting: String? = null, enabled: Boolean = true, onSelect: () -> Unit) {
    Row(
        Modifier
            .fillMaxWidth()
            .heightIn(min = MinTouch)
            .selectable(selected = selected, enabled = enabled, role = Role.RadioButton, onClick = onSelect),
        verticalAlignment = Alignment.CenterVertically,
    ) {
        RadioButton(selected = selected, onClick = null, enabled = enabled)
        RowText(text, supporting)
    }
}

/** Single-choice chips that wrap onto more lines at large font sizes. */
@OptIn(ExperimentalLayoutApi::class)
@Composable
fun <T> ChoiceChips(
    options: List<T>,
    selected: T?,
    label: @Composable (T) -> String,
    /** What TalkBack reads for an option, e.g. "Bloating: mild". */
    description: @Composable (T) -> String = label,
    onSelect: (T) -> Unit,
) {
    FlowRow(horizontalArrangement = Arrangement.spacedBy(8.dp)) {
        for (option in options) {
            val text = label(option)
            val spoken = description(option)
            FilterChip(
                selected = option == selected,
                onClick = { onSelect(option) },
                label = { Text(text) },
                // FilterChip keeps a 48 dp touch target (minimumInteractiveComponentSize).
                modifier = Modifier.semantics {
                    contentDescription = spoken
                    role = Role.RadioButton
                },
            )
        }
    }
}

/** Multi-choice chips. */
@OptIn(ExperimentalLayoutApi::class)
@Composable
fun <T> ToggleChips(options: List<T>, selected: Set<T>, label: @Composable (T) -> String, onToggle: (T) -> Unit) {
    FlowRow(horizontalArrangement = Arrangement.spacedBy(8.dp)) {
        for (option in options) {
            FilterChip(selected = option in selected, onClick = { onToggle(option) }, label = { Text(label(option)) })
        }
    }
}

@Composable
fun Disclaimer(text: String) {
    Text(text, style = MaterialTheme.typography.bodySmall, color = MaterialTheme.colorScheme.onSurfaceVariant)
}
