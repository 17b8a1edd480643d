//! The SQLite store: opening (refusing foreign, damaged or newer files
//! without touching them), pragmas, and versioned migrations in the style of
//! application-services' `sql-support`.

mod migrations;

use std::fs::File;
use std::io::Read;
use std::path::{Path, PathBuf};

use rusqlite::config::DbConfig;
use rusqlite::{Connection, OpenFlags};

use crate::error::{CoreError, Result};
pub use migrations::{LATEST_VERSION, SCHEMA_SNAPSHOTS};

const SQLITE_MAGIC: &[u8; 16] = b"SQLite format 3\0";

/// `PRAGMA application_id` of every kefir database (0x4B454652, "KEFR"),
/// stored at offset 68 of the SQLite header. Databases of kefir 0.1.0
/// (schema versions 1-3) have 0 there and get it in the v4 migration.
pub const APPLICATION_ID: i32 = 0x4B45_4652;

/// How long a statement (and opening) waits for another connection's lock.
/// Long, because SQLite's busy handler is not fair: with dozens of
/// processes writing one file (a stress test; never a phone) a writer can
/// wait several seconds, and "database is locked" must not reach a caller.
pub(crate) const BUSY_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(60);

/// Begin a write transaction that takes the write lock up front (IMMEDIATE),
/// so a second connection to the same file (a widget, another process)
/// waits on the busy timeout instead of failing with "database is locked"
/// when a deferred transaction would have to upgrade its read lock.
pub(crate) fn write_tx(c: &Connection) -> rusqlite::Result<rusqlite::Transaction<'_>> {
    rusqlite::Transaction::new_unchecked(c, rusqlite::TransactionBehavior::Immediate)
}

/// Owns the one connection. Callers serialise access (the facade keeps it
/// behind a mutex), so there is never a "database is locked" between our
/// own threads.
pub struct Store {
    pub(crate) conn: Connection,
    path: Option<PathBuf>,
}

impl Store {
    /// Open or create the database at `path`.
    ///
    /// Before SQLite touches the file, its raw header (first 100 bytes) is
    /// read: a file that is not SQLite, carries another application id, or
    /// has id 0 and a schema that is not one of kefir's (looked at through
    /// an immutable read-only connection, which writes nothing and creates
    /// no -wal/-shm/-journal) is refused with `NotADatabase` and left
    /// byte-for-byte untouched; so are directories, FIFOs and device files.
    /// A newer kefir schema gives `NewerSchema`. Recovery after a crash or
    /// a full disk (WAL replay, hot journals) is left to SQLite; only what
    /// SQLite itself reports as damaged (`quick_check`) gives `Corrupt`.
    pub fn open(path: &Path) -> Result<Store> {
        let shown = path.display().to_string();
        // "" and ":memory:" would give a throw-away database that loses everything.
        if shown.trim().is_empty() || shown == ":memory:" || shown.starts_with("file:") {
            return Err(CoreError::invalid("db_path", "must name a database file"));
        }
        // Another process creating, migrating or checkpointing the same
        // file can make a step of opening report "busy" without SQLite's
        // busy handler (WAL recovery, the journal-mode switch of a file
        // that is being created). Opening writes nothing until the file is
        // known to be ours and every write step is one transaction, so the
        // whole open is retried until `BUSY_TIMEOUT` has passed.
        // Likewise a refusal ("not ours", "damaged") while the file, its WAL
        // or its journal changed under the look: another kefir process was
        // creating or checkpointing it, so the look proves nothing; looked
        // at again (a file nobody writes is refused at once).
        use std::os::unix::fs::MetadataExt;
        let stamp = || {
            ["", "-wal", "-journal"]
                .map(|s| std::fs::metadata(sibling(path, s)).ok().map(|m| (m.len(), m.modified().ok(), m.ino())))
        };
        let started = std::time::Instant::now();
        let mut looks = 0;
        loop {
            let before = stamp();
            match Store::open_once(path, &shown) {
                Err(CoreError::Sqlite(e))
                    if e.sqlite_error_code() == Some(rusqlite::ffi::ErrorCode::DatabaseBusy)
                        && started.elapsed() < BUSY_TIMEOUT =>
                {
                    std::thread::sleep(std::time::Duration::from_millis(20));
                }
                Err(CoreError::NotADatabase { .. } | CoreError::Corrupt { .. })
                    if looks < 20 && stamp() != before && started.elapsed() < BUSY_TIMEOUT =>
                {
                    looks += 1;
                    std::thread::sleep(std::time::Duration::from_millis(20));
                }
                other => return other,
            }
        }
    }

    fn open_once(path: &Path, shown: &str) -> Result<Store> {
        let checked = precheck_file(path, shown)?;
        let conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_CREATE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )
        .map_err(|e| locate(CoreError::from(e), shown))?;
        // Until the file is known to be ours, closing must not checkpoint
        // (a checkpoint writes into the database file).
        conn.set_db_config(DbConfig::SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, true)
            .map_err(|e| locate(CoreError::from(e), shown))?;
        let store = Store { conn, path: Some(path.to_path_buf()) };
        store.prepare(checked).map_err(|e| locate(store.classify(e), shown))?;
        store
            .conn
            .set_db_config(DbConfig::SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, false)
            .map_err(|e| locate(CoreError::from(e), shown))?;
        Ok(store)
    }

    /// A private in-memory database (tests, simulations).
    pub fn open_in_memory() -> Result<Store> {
        let conn = Connection::open_in_memory()?;
        let store = Store { conn, path: None };
        store.prepare(Checked::No)?;
        Ok(store)
    }

    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    pub fn conn(&self) -> &Connection {
        &self.conn
    }

    pub fn schema_version(&self) -> Result<i64> {
        Ok(self.conn.query_row("PRAGMA user_version", [], |r| r.get(0))?)
    }

    /// Turn an I/O failure that SQLite reports as a generic I/O or
    /// cannot-open error into `StorageFull` when the operating system said
    /// "no space left on device" (SQLite keeps that errno per connection).
    /// Reads can hit it too (a -shm or -wal that must grow).
    pub fn classify(&self, e: CoreError) -> CoreError {
        use rusqlite::ffi::ErrorCode;
        let io = matches!(&e, CoreError::Sqlite(s)
            if matches!(s.sqlite_error_code(), Some(ErrorCode::SystemIoFailure | ErrorCode::CannotOpen)));
        if io {
            // SAFETY: the handle is valid for the life of `self.conn`;
            // sqlite3_system_errno only reads a field of it.
            let errno = unsafe { rusqlite::ffi::sqlite3_system_errno(self.conn.handle()) };
            if errno != 0 && std::io::Error::from_raw_os_error(errno).kind() == std::io::ErrorKind::StorageFull {
                return CoreError::StorageFull;
            }
        }
        e
    }

    /// Look at the file through SQLite, read-only, before anything is
    /// written: application id, schema version and tables in one read
    /// transaction; then integrity; then the pragmas that write (WAL) and
    /// the migrations.
    fn prepare(&self, checked: Checked) -> Result<()> {
        let c = &self.conn;
        c.busy_timeout(BUSY_TIMEOUT)?;
        let (app_id, version, fingerprint) = {
            let tx = c.unchecked_transaction()?; // DEFERRED: a read snapshot, no lock taken
            let app_id: i32 = tx.query_row("PRAGMA application_id", [], |r| r.get(0))?;
            let version: i64 = tx.query_row("PRAGMA user_version", [], |r| r.get(0))?;
            let fingerprint = schema_fingerprint(&tx)?;
            tx.finish()?;
            (app_id, version, fingerprint)
        };
        check_identity(app_id, version, &fingerprint)?;
        if !fingerprint.is_empty() && checked == Checked::No {
            let check: String = c.query_row("PRAGMA quick_check(1)", [], |r| r.get(0))?;
            if check != "ok" {
                return Err(CoreError::Corrupt { path: String::new(), detail: check });
            }
        }
        // journal_mode=WAL is a no-op for in-memory databases ("memory").
        let _mode: String = c.query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))?;
        // WAL + NORMAL: durable across an app crash or kill, consistent across power loss.
        c.execute_batch("PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;")?;
        migrations::migrate(c)
    }
}

/// Is this (application id, schema version, schema) a kefir database?
/// Ours: our id, or id 0 with exactly the tables and columns of one of our
/// snapshots (0.1.0 files), or id 0 and nothing at all (a new file).
fn check_identity(app_id: i32, version: i64, fingerprint: &[String]) -> Result<()> {
    let foreign = || Err(CoreError::NotADatabase { path: String::new() });
    match app_id {
        APPLICATION_ID if version > LATEST_VERSION => {
            Err(CoreError::NewerSchema { found: version, supported: LATEST_VERSION })
        }
        APPLICATION_ID if version <= 0 => {
            Err(CoreError::Corrupt { path: String::new(), detail: bad_kefir_version(version) })
        }
        APPLICATION_ID => Ok(()),
        0 if version == 0 && fingerprint.is_empty() => Ok(()),
        0 if (1..=LATEST_VERSION).contains(&version) && fingerprint == snapshot_fingerprint(version)? => Ok(()),
        _ => foreign(),
    }
}

fn bad_kefir_version(version: i64) -> String {
    format!("it carries kefir's application id but schema version {version}, which kefir never writes")
}

/// Every `table.column` of the schema (SQLite's own tables left out), sorted.
fn schema_fingerprint(c: &Connection) -> Result<Vec<String>> {
    let mut st = c.prepare(
        "SELECT m.name || '.' || p.name FROM sqlite_schema m, pragma_table_info(m.name) p \
         WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' ORDER BY 1",
    )?;
    let v = st.query_map([], |r| r.get(0))?.collect::<rusqlite::Result<Vec<String>>>()?;
    Ok(v)
}

/// The fingerprint of schema snapshot `version` (1-based).
fn snapshot_fingerprint(version: i64) -> Result<Vec<String>> {
    let c = Connection::open_in_memory()?;
    c.execute_batch(SCHEMA_SNAPSHOTS[(version - 1) as usize])?;
    schema_fingerprint(&c)
}

/// Attach the path to open errors that lack it.
fn locate(e: CoreError, shown: &str) -> CoreError {
    match e {
        CoreError::NotADatabase { path } if path.is_empty() => CoreError::NotADatabase { path: shown.to_string() },
        CoreError::Corrupt { path, detail } if path.is_empty() => {
            CoreError::Corrupt { path: shown.to_string(), detail }
        }
        other => other,
    }
}

/// A sibling of the database (`-wal`, `-shm`, `-journal`).
pub(crate) fn sibling(path: &Path, suffix: &str) -> PathBuf {
    let mut s = path.as_os_str().to_owned();
    s.push(suffix);
    PathBuf::from(s)
}

/// Look at the file before SQLite does anything with it: only a regular
/// file (or nothing) may be opened; its raw header must be SQLite's, with
/// our application id, or id 0 and a kefir schema (read through an
/// immutable connection, which never writes, locks or creates a file).
/// Create a new, empty database file readable and writable by its owner
/// only (mode 0600 on unix, whatever the umask), before SQLite opens it:
/// a health diary is private by default, and SQLite gives the -wal, -shm
/// and -journal files the main file's mode. Only a file that does not
/// exist is created (`create_new`); an existing file, ours or not, keeps
/// its mode and bytes (its owner chose them). If another process created
/// the file meanwhile, that file is looked at as any existing one.
fn create_private(path: &Path, shown: &str) -> Result<Checked> {
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    match options.open(path) {
        Ok(_) => Ok(Checked::Yes), // an empty file is a new database
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => precheck_file(path, shown),
        // A missing folder and the like: SQLite reports it as before.
        Err(_) => Ok(Checked::Yes),
    }
}

fn precheck_file(path: &Path, shown: &str) -> Result<Checked> {
    let not_ours = || Err(CoreError::NotADatabase { path: shown.to_string() });
    let meta = match std::fs::metadata(path) {
        Ok(m) => m,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return create_private(path, shown),
        Err(e) => return Err(e.into()),
    };
    if !meta.is_file() {
        // A folder, FIFO, socket or device: opening a FIFO would even block.
        use std::os::unix::fs::FileTypeExt;
        let t = meta.file_type();
        let what = if t.is_dir() {
            "a folder"
        } else if t.is_fifo() {
            "a FIFO"
        } else if t.is_socket() {
            "a socket"
        } else {
            "a device"
        };
        return Err(CoreError::NotAFile { path: shown.to_string(), what });
    }
    if meta.len() == 0 {
        return Ok(Checked::Yes); // an empty file is a new database
    }
    // Size and time of the file and its WAL: another kefir process may be
    // creating or checkpointing the file while it is looked at here.
    let stamp = || {
        [path.to_path_buf(), sibling(path, "-wal")]
            .map(|p| std::fs::metadata(p).ok().map(|m| (m.len(), m.modified().ok())))
    };
    let first = stamp();
    let mut header = [0u8; 100];
    let mut f = File::open(path)?;
    let n = read_up_to(&mut f, &mut header)?;
    drop(f);
    if n < SQLITE_MAGIC.len() || &header[..16] != SQLITE_MAGIC {
        return not_ours();
    }
    if n < 100 {
        return Err(CoreError::Corrupt { path: shown.to_string(), detail: "file ends inside the header".into() });
    }
    let be = |i: usize| i32::from_be_bytes([header[i], header[i + 1], header[i + 2], header[i + 3]]);
    let (version, app_id) = (be(60) as i64, be(68));
    // Our id: the schema version in the header decides before SQLite opens
    // anything (so nothing is created beside a file we then refuse).
    if app_id == APPLICATION_ID && version > LATEST_VERSION {
        return Err(CoreError::NewerSchema { found: version, supported: LATEST_VERSION });
    }
    if app_id == APPLICATION_ID && version <= 0 {
        return Err(CoreError::Corrupt { path: shown.to_string(), detail: bad_kefir_version(version) });
    }
    if app_id != APPLICATION_ID && (app_id != 0 || !(0..=LATEST_VERSION).contains(&version)) {
        return not_ours();
    }
    // A WAL beside the file may hold its newest pages (after a crash, a
    // full disk, or while another process has it open): then only SQLite
    // can say what the database holds.
    let wal_pending = || std::fs::metadata(sibling(path, "-wal")).is_ok_and(|m| m.len() > 0);
    let before = wal_pending();
    if app_id == 0 && before {
        // Id 0 with a WAL: a kefir 0.1.0 file (or a new one) after a crash,
        // or another app's. Its identity is looked at on a private copy of
        // the file and its WAL, so SQLite replays the WAL there and creates
        // its -shm there, never beside a file that may not be ours.
        let was = stamp();
        let verdict = look_with_wal(path).and_then(|(id, v, fp)| check_identity(id, v, &fp));
        return match verdict {
            Ok(()) => Ok(Checked::No),
            // Written while it was copied (another kefir process creating
            // or checkpointing it): the copy proves nothing; `prepare`
            // checks identity again before anything is written.
            Err(_) if stamp() != was => Ok(Checked::No),
            Err(e @ (CoreError::NewerSchema { .. } | CoreError::Corrupt { .. })) => Err(locate(e, shown)),
            Err(_) => not_ours(),
        };
    }
    if app_id == 0 && version == 0 && !fresh_empty_database(&header) {
        // SQLite's header of a database that never had a schema has schema
        // cookie 0, one page and no free pages. Anything else with id 0 and
        // version 0 had tables once: another app's file, taken over never.
        return not_ours();
    }
    let look = immutable_look(path);
    // Looked again after the look: a writer that started meanwhile (and so
    // a checkpoint that may have been writing the file) counts too, and so
    // does any change to the file since its header was read. Then the
    // immutable look (which assumes nobody writes) proves nothing, and
    // `prepare` decides under SQLite's locks before anything is written.
    let busy = before || wal_pending() || stamp() != first;
    match look {
        _ if busy => Ok(Checked::No),
        // Identity from the look's own read of id, version and schema (the
        // header was read earlier).
        Ok((id, v, fp, check)) => {
            check_identity(id, v, &fp).map_err(|e| locate(e, shown))?;
            if check != "ok" {
                return Err(CoreError::Corrupt { path: shown.to_string(), detail: check });
            }
            Ok(Checked::Yes)
        }
        Err(e) => Err(CoreError::Corrupt { path: shown.to_string(), detail: e.to_string() }),
    }
}

/// Is this the header of a SQLite database that never had a schema (what
/// SQLite writes for a new file, e.g. when kefir switched a new file to WAL
/// and stopped before its first migration committed)? Schema cookie
/// (offset 40) 0, database size (offset 28) at most one page, no free
/// pages (offset 36).
fn fresh_empty_database(header: &[u8; 100]) -> bool {
    let be = |i: usize| u32::from_be_bytes([header[i], header[i + 1], header[i + 2], header[i + 3]]);
    be(40) == 0 && be(28) <= 1 && be(36) == 0
}

/// Application id, schema version and schema of the database as SQLite
/// sees it with its WAL replayed, read from a copy of the file and its WAL
/// in a private temp folder: the original and its folder are only read.
fn look_with_wal(path: &Path) -> Result<(i32, i64, Vec<String>)> {
    let dir = tempfile::tempdir()?;
    let copy = dir.path().join("look.db");
    std::fs::copy(path, &copy)?;
    std::fs::copy(sibling(path, "-wal"), sibling(&copy, "-wal"))?;
    let c = Connection::open_with_flags(&copy, OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX)?;
    let app_id: i32 = c.query_row("PRAGMA application_id", [], |r| r.get(0))?;
    let version: i64 = c.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    let fp = schema_fingerprint(&c)?;
    Ok((app_id, version, fp))
}

/// Whether `precheck_file` already ran `quick_check` on the file.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Checked {
    Yes,
    No,
}

/// Application id, schema version, schema fingerprint and
/// `quick_check(1)` of the file as it is on disk, read through an `immutable=1` read-only connection: SQLite takes
/// no locks, ignores any WAL or journal and creates no file beside it.
fn immutable_look(path: &Path) -> Result<(i32, i64, Vec<String>, String)> {
    use std::os::unix::ffi::OsStrExt;
    let mut uri = String::from("file:");
    for &b in path.as_os_str().as_bytes() {
        if b.is_ascii_alphanumeric() || b"/-_.~".contains(&b) {
            uri.push(b as char);
        } else {
            uri.push_str(&format!("%{b:02X}"));
        }
    }
    uri.push_str("?immutable=1");
    let c = Connection::open_with_flags(
        uri,
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_URI | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )?;
    let app_id: i32 = c.query_row("PRAGMA application_id", [], |r| r.get(0))?;
    let version: i64 = c.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    let fp = schema_fingerprint(&c)?;
    let check: String = c.query_row("PRAGMA quick_check(1)", [], |r| r.get(0))?;
    Ok((app_id, version, fp, check))
}

fn read_up_to(f: &mut File, buf: &mut [u8]) -> std::io::Result<usize> {
    let mut n = 0;
    while n < buf.len() {
        match f.read(&mut buf[n..])? {
            0 => break,
            k => n += k,
        }
    }
    Ok(n)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn file_with(bytes: &[u8]) -> (tempfile::TempDir, PathBuf) {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("k.db");
        std::fs::File::create(&p).unwrap().write_all(bytes).unwrap();
        (dir, p)
    }

    fn dir_listing(dir: &Path) -> Vec<String> {
        let mut v: Vec<String> =
            std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
        v.sort();
        v
    }

    #[test]
    fn fresh_database_gets_latest_version_and_wal() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("new.db");
        let s = Store::open(&p).unwrap();
        assert_eq!(s.schema_version().unwrap(), LATEST_VERSION);
        let mode: String = s.conn.query_row("PRAGMA journal_mode", [], |r| r.get(0)).unwrap();
        assert_eq!(mode, "wal");
        let fk: i64 = s.conn.query_row("PRAGMA foreign_keys", [], |r| r.get(0)).unwrap();
        assert_eq!(fk, 1);
        drop(s);
        // Reopening an up-to-date database works and changes nothing.
        assert_eq!(Store::open(&p).unwrap().schema_version().unwrap(), LATEST_VERSION);
    }

    #[test]
    fn text_file_is_refused_and_untouched() {
        let text = b"shopping list: milk, kefir grains\n".repeat(50);
        let (dir, p) = file_with(&text);
        let e = Store::open(&p).err().unwrap();
        assert!(matches!(e, CoreError::NotADatabase { .. }), "{e:?}");
        assert_eq!(std::fs::read(&p).unwrap(), text);
        assert_eq!(dir_listing(dir.path()), vec!["k.db"]);
    }

    #[test]
    fn truncated_database_is_refused_and_untouched() {
        let dir = tempfile::tempdir().unwrap();
        let good = dir.path().join("good.db");
        {
            let s = Store::open(&good).unwrap();
            for i in 0..500 {
                s.conn
                    .execute(
                        "INSERT INTO drinks (at_ms, ml, kind, source, note, created_ms) VALUES (?1, 100, 'water', 'commercial', ?2, 0)",
                        rusqlite::params![i, "x".repeat(200)],
                    )
                    .unwrap();
            }
            s.conn.execute_batch("PRAGMA wal_checkpoint(TRUNCATE)").unwrap();
        }
        let bytes = std::fs::read(&good).unwrap();
        for cut in [50usize, 4096 + 17, bytes.len() / 2] {
            let (d2, p) = file_with(&bytes[..cut]);
            let e = Store::open(&p).err().unwrap();
            assert!(matches!(e, CoreError::Corrupt { .. } | CoreError::NotADatabase { .. }), "cut {cut}: {e:?}");
            assert_eq!(std::fs::read(&p).unwrap(), &bytes[..cut]);
            assert_eq!(dir_listing(d2.path()), vec!["k.db"]);
        }
    }

    #[test]
    fn newer_schema_is_refused_and_untouched() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("future.db");
        {
            let c = Connection::open(&p).unwrap();
            c.execute_batch("CREATE TABLE t(x); PRAGMA user_version = 999; PRAGMA application_id = 1262831186;")
                .unwrap();
        }
        let before = std::fs::read(&p).unwrap();
        let e = Store::open(&p).err().unwrap();
        assert!(matches!(e, CoreError::NewerSchema { found: 999, supported: LATEST_VERSION }), "{e:?}");
        assert_eq!(std::fs::read(&p).unwrap(), before);
        assert_eq!(dir_listing(dir.path()), vec!["future.db"]);
    }

    #[test]
    fn foreign_sqlite_file_is_refused_and_untouched() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("other.db");
        {
            let c = Connection::open(&p).unwrap();
            c.execute_batch("CREATE TABLE contacts(name TEXT); INSERT INTO contacts VALUES ('a');").unwrap();
        }
        let before = std::fs::read(&p).unwrap();
        let e = Store::open(&p).err().unwrap();
        assert!(matches!(e, CoreError::NotADatabase { .. }), "{e:?}");
        assert_eq!(std::fs::read(&p).unwrap(), before);
    }

    #[test]
    fn directory_is_refused_saying_it_is_a_folder() {
        let dir = tempfile::tempdir().unwrap();
        let e = Store::open(dir.path()).err().unwrap();
        assert!(matches!(&e, CoreError::NotAFile { what: "a folder", .. }), "{e:?}");
        assert!(e.to_string().contains("is a folder"), "{e}");
    }

    /// Headers decided before SQLite opens the file (hostile-tester
    /// findings 8 and 9): each is refused with the typed error, unchanged,
    /// with nothing beside it; a 0-byte file and SQLite's header of a file
    /// that never had a schema are new databases.
    #[test]
    fn headers_are_decided_before_sqlite_opens_the_file() {
        let id = APPLICATION_ID;
        type Want = fn(&Result<Store>) -> bool;
        let refused_newer: Want = |r| matches!(r, Err(CoreError::NewerSchema { found: 99, .. }));
        let corrupt: Want =
            |r| matches!(r, Err(CoreError::Corrupt { detail, .. }) if detail.contains("schema version"));
        let foreign: Want = |r| matches!(r, Err(CoreError::NotADatabase { .. }));
        let opens: Want = |r| r.is_ok();
        let cases: Vec<(&str, String, Want)> = vec![
            (
                "kefir id, version 99",
                format!("CREATE TABLE t(x); PRAGMA application_id = {id}; PRAGMA user_version = 99;"),
                refused_newer,
            ),
            (
                "kefir id, version -1",
                format!("CREATE TABLE t(x); PRAGMA application_id = {id}; PRAGMA user_version = -1;"),
                corrupt,
            ),
            ("kefir id, version 0", format!("CREATE TABLE t(x); PRAGMA application_id = {id};"), corrupt),
            ("id 0, a table created and dropped", "CREATE TABLE x(y); DROP TABLE x;".into(), foreign),
            (
                "id 0, version 0, schema changed by a pragma",
                "PRAGMA user_version = 0; CREATE TABLE x(y); DROP TABLE x; VACUUM;".into(),
                foreign,
            ),
            ("SQLite's header of a new file (WAL)", "PRAGMA journal_mode = WAL;".into(), opens),
        ];
        for (name, sql, want) in cases {
            let dir = tempfile::tempdir().unwrap();
            let p = dir.path().join("k.db");
            {
                let c = Connection::open(&p).unwrap();
                c.execute_batch(&sql).unwrap();
            }
            let before = std::fs::read(&p).unwrap();
            let r = Store::open(&p);
            assert!(want(&r), "{name}: {:?}", r.as_ref().map(|_| ()));
            if r.is_err() {
                assert_eq!(std::fs::read(&p).unwrap(), before, "{name}: changed");
                assert_eq!(dir_listing(dir.path()), vec!["k.db"], "{name}: files beside it");
            }
        }
        let (_dir, p) = file_with(b"");
        assert_eq!(Store::open(&p).unwrap().schema_version().unwrap(), LATEST_VERSION, "a 0-byte file is new");
    }
}
