package org.kefir.app.logic

/**
 * What the device says about notifications, read by the Android shell:
 * - [runtimePermission]: Android 13+ (POST_NOTIFICATIONS is a runtime permission);
 * - [permissionGranted]: `checkSelfPermission(POST_NOTIFICATIONS)` (true below 13);
 * - [appNotificationsEnabled]: `NotificationManagerCompat.areNotificationsEnabled()`
 *   (the user can switch them off in system settings on every version);
 * - [channelEnabled]: the reminder channel's importance is not NONE;
 * - [askedBefore]: the app has shown the system dialog at least once (stored by the shell);
 * - [shouldShowRationale]: `shouldShowRequestPermissionRationale` (true after one denial).
 */
data class NotificationDeviceState(
    val runtimePermission: Boolean,
    val permissionGranted: Boolean,
    val appNotificationsEnabled: Boolean,
    val channelEnabled: Boolean,
    val askedBefore: Boolean,
    val shouldShowRationale: Boolean,
)

/** What the Today card and the Settings section offer about notifications. */
enum class NotificationPrompt {
    /** Reminders can be shown: nothing to offer. */
    NONE,

    /** Explain why (the rationale card), then show the system dialog. */
    ASK,

    /**
     * Reminders cannot be shown and the system dialog will not appear again
     * (denied twice, or switched off in system settings): say so and open
     * the app's notification settings.
     */
    OPEN_SETTINGS,
}

/**
 * From the device state to what to offer. Android shows the system dialog at
 * most twice: once never asked, or after one denial (the platform then
 * reports [NotificationDeviceState.shouldShowRationale]); after a second
 * denial only the system settings can turn notifications on.
 */
fun notificationPrompt(s: NotificationDeviceState): NotificationPrompt = when {
    s.runtimePermission && !s.permissionGranted ->
        if (!s.askedBefore || s.shouldShowRationale) NotificationPrompt.ASK else NotificationPrompt.OPEN_SETTINGS
    !s.appNotificationsEnabled || !s.channelEnabled -> NotificationPrompt.OPEN_SETTINGS
    else -> NotificationPrompt.NONE
}

/**
 * Whether Today shows the notification card: whenever reminders cannot be
 * shown, from the first run on, until the user dismisses it with "Not now"
 * for this [prompt] (a later change, e.g. from ASK to OPEN_SETTINGS, shows
 * it again). Settings always shows the state.
 */
fun showNotificationCardOnToday(prompt: NotificationPrompt, dismissedFor: NotificationPrompt?): Boolean =
    prompt != NotificationPrompt.NONE && dismissedFor != prompt
