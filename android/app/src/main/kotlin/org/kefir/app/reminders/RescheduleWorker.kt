package org.kefir.app.reminders

import android.content.Context
import androidx.work.CoroutineWorker
import androidx.work.WorkerParameters
import org.kefir.app.KefirApplication

/** Periodic WorkManager job: reschedules so the alarm window keeps rolling forward. */
class RescheduleWorker(context: Context, params: WorkerParameters) : CoroutineWorker(context, params) {
    override suspend fun doWork(): Result {
        (applicationContext as KefirApplication).reminders.reschedule()
        return Result.success()
    }
}
