package org.kefir.app.ui

import android.content.ActivityNotFoundException
import android.content.Context
import android.content.Intent
import android.net.Uri
import androidx.core.content.FileProvider
import java.io.File

/** cacheDir/shared: the only folder FileProvider exposes (res/xml/file_paths.xml). */
fun sharedCacheDir(context: Context): File = File(context.cacheDir, "shared").apply { mkdirs() }

private fun uriFor(context: Context, file: File): Uri =
    FileProvider.getUriForFile(context, "${context.packageName}.files", file)

/** Offer one file to another app the user picks (mail, messenger, files...). */
fun shareFile(context: Context, file: File, mimeType: String, chooserTitle: String): Boolean {
    val send = Intent(Intent.ACTION_SEND)
        .setType(mimeType)
        .putExtra(Intent.EXTRA_STREAM, uriFor(context, file))
        .addFlags(Intent.FLAG_GRANT_READ_URI_PERMISSION)
    return startChooser(context, send, chooserTitle)
}

fun shareFiles(context: Context, files: List<File>, mimeType: String, chooserTitle: String): Boolean {
    val send = Intent(Intent.ACTION_SEND_MULTIPLE)
        .setType(mimeType)
        .putParcelableArrayListExtra(Intent.EXTRA_STREAM, ArrayList(files.map { uriFor(context, it) }))
        .addFlags(Intent.FLAG_GRANT_READ_URI_PERMISSION)
    return startChooser(context, send, chooserTitle)
}

private fun startChooser(context: Context, send: Intent, title: String): Boolean = try {
    context.startActivity(Intent.createChooser(send, title))
    true
} catch (e: ActivityNotFoundException) {
    false
}
