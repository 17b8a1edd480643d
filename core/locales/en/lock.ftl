### App lock (issue 17): the settings screen and first-run offer, the
### delay picker, the cover and the platform prompt's reason.

lock-title = App lock
lock-explanation = Ask for your fingerprint, your face or the phone's PIN, pattern or password when you come back to the app after some time away. Every screen of Kefir Start shows health data, so while the lock is on the app is also hidden in the app switcher and in screenshots. It needs a screen lock set up on this phone.
lock-enable = Turn on app lock
lock-decline = Not now
lock-after-immediately = Immediately
# $n: whole minutes in the background before the app locks.
lock-after-minutes = { $n ->
    [one] After { $n } minute
   *[other] After { $n } minutes
}
lock-prompt-reason = Unlock Kefir Start to see your diary
lock-cover-title = Kefir Start is locked
lock-unlock = Unlock

# The switch for ReminderSettings.full_text_on_lock_screen, on the same
# privacy part of Settings.
lock-screen-full-text = Show reminder details on the lock screen
lock-screen-full-text-help = Off: reminders on the lock screen only say that it is time for Kefir Start, without medicines, symptoms or amounts. The full text shows once the phone is unlocked.
