//! Encrypted backups (issue 17): the plain backup document (the exact bytes
//! of [`crate::Kefir::export_backup`]) encrypted to a passphrase in the age
//! format, version 1 (<https://age-encryption.org/v1>, C2SP spec
//! <https://c2sp.org/age>), with the `age` crate (the reference Rust
//! implementation; the same file opens with the standard `age -d` or
//! `rage -d` tools without this app).
//!
//! Only the scrypt passphrase recipient is used: the file key is wrapped
//! with a key derived by scrypt (N = 2^log_n, r = 8, p = 1) from the
//! passphrase and a random 16-byte salt; the payload is ChaCha20-Poly1305
//! in 64 KiB chunks, so truncation and any changed byte are detected.
//!
//! Limits that keep a hostile file from costing more than a plain import:
//! - the file is at most [`MAX_ENCRYPTED_BYTES`] (the plain limit
//!   [`crate::backup::MAX_BACKUP_BYTES`] plus age's overhead);
//! - the plaintext is read through a limited reader and refused above
//!   `max_plain_bytes` (the plain limit on import);
//! - the scrypt work factor a file asks for is at most
//!   [`MAX_WORK_FACTOR`] (refused before any scrypt work is done);
//! - the header must end within [`MAX_HEADER_BYTES`], with at most
//!   [`MAX_HEADER_STANZAS`] stanzas and [`MAX_HEADER_LINES`] lines, before
//!   age parses it (age's header parser takes time growing with the square
//!   of the line count: 16,000 crafted lines took minutes).
//!
//! The passphrase is held in `age`'s `SecretString` (zeroed when dropped)
//! and never stored, logged or put into an error.

use std::io::Read;

use age::secrecy::SecretString;

use crate::error::{CoreError, Result};
use crate::l10n::Locale;

/// The first line of a binary age file (age-encryption.org/v1, "Header").
pub const AGE_MAGIC: &[u8] = b"age-encryption.org/v1\n";
/// The first line of an ASCII-armored age file (`age -a`; age-encryption.org/v1, "ASCII armor").
pub const AGE_ARMOR_BEGIN: &[u8] = b"-----BEGIN AGE ENCRYPTED FILE-----";

/// The scrypt work factor of exported backups: N = 2^17, so deriving the
/// key needs 128 · r · N = 128 · 8 · 2^17 bytes = 128 MiB of memory and
/// about 0.8 s for a whole 5-year backup on this project's x86_64 machine
/// (release build, 2 shared vCPUs; BENCHMARKS.md, "Encrypted backups");
/// not measured on phones, where a mid-range device is expected to take a
/// few times that (an estimate).
///
/// Why 17: the Go `age` tool's default (18) needs 256 MiB, which a phone
/// app that is in front can usually get but a low-memory Android device may
/// answer by killing the app; 16 (64 MiB) halves an attacker's cost per
/// guess again. 17 keeps every guess at 128 MiB of memory-hard work while
/// the app stays well inside what phones give a foreground app. The
/// passphrase-strength gate (`passphrase::judge`) carries the rest: the
/// work factor only multiplies the cost of guessing a passphrase that is
/// already hard to guess.
pub const EXPORT_WORK_FACTOR: u8 = 17;

/// The highest scrypt work factor accepted on import: 18 (256 MiB), the
/// default of the Go `age` tool (`age -p`, as packaged by Debian), so its
/// files import. A file asking for more is refused before scrypt runs
/// (`BadBackup`): a crafted header could otherwise ask for 2^40 and hang
/// the app or exhaust memory.
pub const MAX_WORK_FACTOR: u8 = 18;

/// age's overhead over the plaintext allowed for on import: the header (an
/// scrypt stanza, about 200 bytes; [`MAX_HEADER_BYTES`] allowed), the
/// 16-byte nonce and a 16-byte tag per 64 KiB chunk (16 KiB for 64 MiB).
pub const MAX_AGE_OVERHEAD: u64 = 64 * 1024;

/// Most bytes of an age header (version line to the `---` MAC line, after
/// de-armoring) looked at before age parses it: 16 KiB. A passphrase
/// header is about 200 bytes (version line, one `-> scrypt SALT LOGN`
/// stanza with a 43-character body line, the MAC line); an X25519 header
/// is about 100 bytes per recipient. The cap keeps age's header parser,
/// whose time grows with the square of the number of lines, to
/// milliseconds on any input, while leaving room far beyond any header a
/// passphrase file (ours, `age -p`, `rage -p`) has.
pub const MAX_HEADER_BYTES: usize = 16 * 1024;
/// Most stanzas (`-> ` lines) in a header: a passphrase file has exactly one
/// (age-encryption.org/v1: the scrypt stanza must be the only one).
pub const MAX_HEADER_STANZAS: usize = 16;
/// Most lines in a header before the MAC line (the version line and every
/// stanza line and body line). A passphrase header has 3; a stanza body is
/// wrapped at 64 columns, so a one-line body is all scrypt needs.
pub const MAX_HEADER_LINES: usize = 64;

/// Longest passphrase accepted for an export, in characters: 1,000. The
/// `age` tool reads a passphrase from the terminal, whose line holds at
/// most 4,095 bytes (Linux canonical mode, 4,096 with the newline); 1,000
/// characters are at most 4,000 bytes of UTF-8 (4 bytes a character at
/// most), so every accepted passphrase can be typed into `age -d`.
pub const MAX_PASSPHRASE_CHARS: usize = 1000;

/// Largest encrypted backup file accepted: [`crate::backup::MAX_BACKUP_BYTES`]
/// plus [`MAX_AGE_OVERHEAD`]. An ASCII-armored file must fit in the same
/// cap, so it holds at most about 48 MiB of backup (base64 grows the data
/// by a third; a 5-year history is about 2 MB).
pub const MAX_ENCRYPTED_BYTES: u64 = crate::backup::MAX_BACKUP_BYTES + MAX_AGE_OVERHEAD;

/// Whether `bytes` begin like an age file, binary or ASCII-armored (leading
/// whitespace before the armor is allowed, as age allows it). A plain
/// backup begins with `{`, so the two never overlap.
pub fn is_encrypted(bytes: &[u8]) -> bool {
    let start = bytes.iter().position(|b| !b.is_ascii_whitespace()).unwrap_or(bytes.len());
    bytes.starts_with(AGE_MAGIC) || bytes[start..].starts_with(AGE_ARMOR_BEGIN)
}

fn secret(passphrase: &str) -> SecretString {
    SecretString::from(passphrase.to_owned())
}

/// Encrypt `plain` (a backup document) to `passphrase`: the bytes of a
/// binary age file with one scrypt stanza at [`EXPORT_WORK_FACTOR`].
///
/// Errors: `Invalid { field: "passphrase" }` for an empty or
/// whitespace-only passphrase (the strength judgement is the caller's,
/// `Kefir::write_backup`); `Internal` if age fails to write to memory.
pub fn encrypt(plain: &[u8], passphrase: &str) -> Result<Vec<u8>> {
    encrypt_with_work_factor(plain, passphrase, EXPORT_WORK_FACTOR)
}

/// [`encrypt`] with a chosen scrypt work factor `log_n` (1..=63): for tests
/// and the benchmark; exports use [`EXPORT_WORK_FACTOR`].
pub fn encrypt_with_work_factor(plain: &[u8], passphrase: &str, log_n: u8) -> Result<Vec<u8>> {
    check_not_blank(passphrase)?;
    if !(1..64).contains(&log_n) {
        return Err(CoreError::invalid("work_factor", "is not between 1 and 63"));
    }
    let mut recipient = age::scrypt::Recipient::new(secret(passphrase));
    recipient.set_work_factor(log_n);
    let encryptor = age::Encryptor::with_recipients(std::iter::once(&recipient as &dyn age::Recipient))
        .map_err(|_| CoreError::Internal("age could not wrap the file key".into()))?;
    let mut out = Vec::with_capacity(plain.len() + plain.len() / 4096 + 512);
    let write = |out: &mut Vec<u8>| -> std::io::Result<()> {
        let mut w = encryptor.wrap_output(out)?;
        std::io::Write::write_all(&mut w, plain)?;
        w.finish()?;
        Ok(())
    };
    write(&mut out).map_err(|e| CoreError::Internal(format!("age encryption failed: {}", e.kind())))?;
    Ok(out)
}

/// Whether `passphrase` may protect an exported backup: not empty or
/// whitespace-only, and not judged too weak by [`crate::passphrase::judge`]
/// (an encrypted file can be attacked offline without limit), and at most
/// [`MAX_PASSPHRASE_CHARS`] characters (so the `age` tool can read it from
/// a terminal). Errors: `Invalid { field: "passphrase", reason }`, the
/// reason being "is empty…", "is longer than 1000 characters…" (checked
/// before the strength judgement, which would be slow on megabytes) or the
/// judgement's reasons in `loc`, one sentence each, joined by spaces. The
/// passphrase itself never appears in the error.
pub fn check_passphrase(passphrase: &str, loc: &Locale) -> Result<()> {
    check_not_blank(passphrase)?;
    check_not_too_long(passphrase)?;
    check_typeable(passphrase)?;
    let verdict = crate::passphrase::judge(passphrase, loc);
    if !verdict.acceptable {
        let reason = if verdict.reasons.is_empty() { verdict.level_label } else { verdict.reasons.join(" ") };
        return Err(CoreError::Invalid { field: "passphrase".into(), reason });
    }
    Ok(())
}

/// A control character (newline, carriage return, backspace, Ctrl-U, DEL,
/// ...) cannot be typed at a terminal's passphrase prompt, which treats it
/// as an edit or the end of the line: the backup would open neither with
/// `age -d` nor with this app's own prompt. A trailing newline from a
/// script's `KEFIR_BACKUP_PASSPHRASE` is the common case.
fn check_typeable(passphrase: &str) -> Result<()> {
    if passphrase.chars().any(char::is_control) {
        return Err(CoreError::invalid(
            "passphrase",
            "contains a control character (such as a line break or a tab), which cannot be typed at the age tool's prompt; remove it",
        ));
    }
    Ok(())
}

/// An empty or whitespace-only passphrase protects nothing.
fn check_not_blank(passphrase: &str) -> Result<()> {
    if passphrase.trim().is_empty() {
        return Err(CoreError::invalid("passphrase", "is empty; choose a passphrase or save a plain backup"));
    }
    Ok(())
}

/// Longer than [`MAX_PASSPHRASE_CHARS`]: the age tool could not read it
/// from a terminal, so the backup would open only with this app.
fn check_not_too_long(passphrase: &str) -> Result<()> {
    if passphrase.chars().count() > MAX_PASSPHRASE_CHARS {
        return Err(CoreError::invalid(
            "passphrase",
            &format!(
                "is longer than {MAX_PASSPHRASE_CHARS} characters, more than the age tool can read from a terminal; \
                 choose a shorter one"
            ),
        ));
    }
    Ok(())
}

fn damaged(what: &str) -> CoreError {
    CoreError::BadBackup(format!("the encrypted backup is damaged or incomplete ({what}); nothing was imported"))
}

/// Decrypt an age file (binary or ASCII-armored) made with a passphrase;
/// returns the plaintext, at most `max_plain_bytes` long.
///
/// Errors (nothing else happens in any case):
/// - `WrongPassphrase`: the passphrase does not unwrap the file key (a
///   damaged scrypt stanza looks the same: age cannot tell them apart);
/// - `BadBackup`: not an age file, a damaged or truncated header or
///   payload (the header MAC or a chunk's Poly1305 tag fails, the last
///   chunk is missing), a file encrypted to keys rather than a passphrase,
///   a work factor above [`MAX_WORK_FACTOR`], a header that does not end
///   within [`MAX_HEADER_BYTES`] or has more than [`MAX_HEADER_STANZAS`]
///   stanzas or [`MAX_HEADER_LINES`] lines, a plaintext longer than
///   `max_plain_bytes`;
/// - `Invalid { field: "passphrase" }` for an empty passphrase.
pub fn decrypt(bytes: &[u8], passphrase: &str, max_plain_bytes: u64) -> Result<Vec<u8>> {
    if !is_encrypted(bytes) {
        return Err(CoreError::BadBackup("not an age-encrypted file".into()));
    }
    decrypt_stream(&mut &bytes[..], passphrase, max_plain_bytes)
}

/// [`decrypt`] reading the file as a stream (import: the header is read
/// and the passphrase checked before the rest of the file is read, so the
/// scrypt work and the ciphertext are never in memory together). Same
/// errors; the caller bounds how much `input` yields.
pub fn decrypt_stream(input: &mut dyn Read, passphrase: &str, max_plain_bytes: u64) -> Result<Vec<u8>> {
    if passphrase.is_empty() {
        return Err(CoreError::invalid("passphrase", "is empty"));
    }
    // The armored reader passes a binary file through unchanged.
    let mut armored = age::armor::ArmoredReader::new(input);
    // The header is checked for size and shape before age parses it; the
    // bytes read for that are given back in front of the rest (nothing is
    // read twice).
    let mut prefix = Vec::with_capacity(1024);
    (&mut armored).take(MAX_HEADER_BYTES as u64).read_to_end(&mut prefix).map_err(|e| match e.kind() {
        std::io::ErrorKind::UnexpectedEof => damaged("the header is cut off"),
        _ => damaged("the header is not valid"),
    })?;
    check_header(&prefix)?;
    let input = std::io::Cursor::new(prefix).chain(armored);
    let decryptor = age::Decryptor::new_buffered(input).map_err(|e| header_error(&e))?;
    if !decryptor.is_scrypt() {
        return Err(CoreError::BadBackup(
            "the backup is not encrypted to a passphrase alone (age keys?); this app opens passphrase-encrypted backups only"
                .into(),
        ));
    }
    let mut identity = age::scrypt::Identity::new(secret(passphrase));
    identity.set_max_work_factor(MAX_WORK_FACTOR);
    let reader = decryptor.decrypt(std::iter::once(&identity as &dyn age::Identity)).map_err(|e| unwrap_error(&e))?;
    let mut plain = Vec::new();
    reader.take(max_plain_bytes.saturating_add(1)).read_to_end(&mut plain).map_err(|e| payload_error(&e))?;
    if plain.len() as u64 > max_plain_bytes {
        return Err(CoreError::BadBackup(format!(
            "the encrypted backup holds more than any backup this app writes ({max_plain_bytes} bytes)"
        )));
    }
    Ok(plain)
}

/// The first bytes of a (de-armored) age file hold a header age can parse
/// quickly: the version line `age-encryption.org/v1`, then the MAC line
/// (`--- `, age-encryption.org/v1 "Header") within [`MAX_HEADER_BYTES`],
/// with at most [`MAX_HEADER_STANZAS`] stanzas and [`MAX_HEADER_LINES`]
/// lines before it. `prefix` is at most `MAX_HEADER_BYTES` long (shorter
/// only when the file ends). Errors: `BadBackup`, saying which.
pub fn check_header(prefix: &[u8]) -> Result<()> {
    if !prefix.starts_with(AGE_MAGIC) {
        if prefix.starts_with(b"age-encryption.org/") {
            return Err(header_error(&age::DecryptError::UnknownFormat));
        }
        return Err(damaged("the header is not valid"));
    }
    let end =
        prefix.windows(5).position(|w| w == b"\n--- ").filter(|&at| prefix[at + 1..].contains(&b'\n')).map(|at| at + 1);
    let Some(end) = end else {
        if prefix.len() < MAX_HEADER_BYTES {
            return Err(damaged("the header is cut off"));
        }
        return Err(CoreError::BadBackup(format!(
            "the encrypted backup's header does not end within its first {MAX_HEADER_BYTES} bytes \
             (a passphrase header is about 200 bytes); nothing was imported"
        )));
    };
    let lines = prefix[..end].iter().filter(|&&b| b == b'\n').count();
    let stanzas = prefix[..end].split(|&b| b == b'\n').filter(|l| l.starts_with(b"-> ")).count();
    if stanzas > MAX_HEADER_STANZAS || lines > MAX_HEADER_LINES {
        return Err(CoreError::BadBackup(format!(
            "the encrypted backup's header has {stanzas} stanzas in {lines} lines, more than this app reads \
             ({MAX_HEADER_STANZAS} stanzas, {MAX_HEADER_LINES} lines; a passphrase header has one stanza in 3 lines); \
             nothing was imported"
        )));
    }
    Ok(())
}

/// Errors while the header is read. Never formats age's error with
/// `Display` (that would link age's own message catalogue for nothing).
fn header_error(e: &age::DecryptError) -> CoreError {
    match e {
        age::DecryptError::UnknownFormat => CoreError::BadBackup(
            "the encrypted backup uses an age format version this app does not know; nothing was imported".into(),
        ),
        age::DecryptError::Io(io) if io.kind() == std::io::ErrorKind::UnexpectedEof => damaged("the header is cut off"),
        _ => damaged("the header is not valid"),
    }
}

/// Errors while the file key is unwrapped with the passphrase.
fn unwrap_error(e: &age::DecryptError) -> CoreError {
    match e {
        age::DecryptError::DecryptionFailed => CoreError::WrongPassphrase,
        age::DecryptError::ExcessiveWork { required, .. } => CoreError::BadBackup(format!(
            "the encrypted backup asks for a passphrase work factor of 2^{required}, more than this app accepts \
             (2^{MAX_WORK_FACTOR}, the age tool's default); nothing was imported"
        )),
        age::DecryptError::InvalidMac => damaged("the header's MAC does not match"),
        age::DecryptError::NoMatchingKeys => damaged("no passphrase stanza"),
        _ => damaged("the header is not valid"),
    }
}

/// Errors while the payload is read (the stream's chunks).
fn payload_error(e: &std::io::Error) -> CoreError {
    match e.kind() {
        std::io::ErrorKind::UnexpectedEof => damaged("the file is cut off"),
        _ => damaged("a part of the file does not authenticate"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_backups_and_age_files_are_told_apart() {
        assert!(is_encrypted(b"age-encryption.org/v1\n-> scrypt"));
        assert!(is_encrypted(b"\n  -----BEGIN AGE ENCRYPTED FILE-----\nYWdl"));
        assert!(!is_encrypted(b"{\n  \"format\": \"kefir-backup\""));
        assert!(!is_encrypted(b"age-encryption.org/v2\n"));
        assert!(!is_encrypted(b""));
    }

    #[test]
    fn blank_passphrases_are_refused_before_any_work() {
        for p in ["", " ", "\t\n"] {
            match encrypt(b"{}", p) {
                Err(CoreError::Invalid { field, .. }) => assert_eq!(field, "passphrase"),
                other => panic!("{p:?}: {other:?}"),
            }
        }
    }
}
