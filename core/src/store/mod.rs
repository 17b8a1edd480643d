//! The SQLite store: opening (refusing foreign, damaged or newer files
//! without touching them), pragmas, and versioned migrations in the style of
//! application-services' `sql-support`.

mod migrations;

use std::fs::File;
use std::io::Read;
use std::path::{Path, PathBuf};

use rusqlite::{Connection, OpenFlags};

use crate::error::{CoreError, Result};
pub use migrations::{LATEST_VERSION, SCHEMA_SNAPSHOTS};

const SQLITE_MAGIC: &[u8; 16] = b"SQLite format 3\0";

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
    /// Open or create the database at `path`. A file that is not a SQLite
    /// database, is damaged, or comes from a newer app version is refused
    /// with a typed error and left byte-for-byte untouched.
    pub fn open(path: &Path) -> Result<Store> {
        let shown = path.display().to_string();
        // "" and ":memory:" would give a throw-away database that loses everything.
        if shown.trim().is_empty() || shown == ":memory:" || shown.starts_with("file:") {
            return Err(CoreError::invalid("db_path", "must name a database file"));
        }
        precheck_file(path, &shown)?;
        let conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_CREATE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )
        .map_err(|e| locate(CoreError::from(e), &shown))?;
        let store = Store { conn, path: Some(path.to_path_buf()) };
        store.prepare().map_err(|e| locate(e, &shown))?;
        Ok(store)
    }

    /// A private in-memory database (tests, simulations).
    pub fn open_in_memory() -> Result<Store> {
        let conn = Connection::open_in_memory()?;
        let store = Store { conn, path: None };
        store.prepare()?;
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

    /// Everything read-only first (version, integrity), then the pragmas
    /// that write (WAL), then migrations.
    fn prepare(&self) -> Result<()> {
        let c = &self.conn;
        c.busy_timeout(std::time::Duration::from_secs(5))?;
        let version: i64 = c.query_row("PRAGMA user_version", [], |r| r.get(0))?;
        if version > LATEST_VERSION {
            return Err(CoreError::NewerSchema { found: version, supported: LATEST_VERSION });
        }
        let tables: i64 = c.query_row("SELECT count(*) FROM sqlite_schema", [], |r| r.get(0))?;
        if version == 0 && tables > 0 {
            // Some other application's SQLite file: not ours to change.
            return Err(CoreError::NotADatabase { path: String::new() });
        }
        if tables > 0 {
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

/// Look at the file header before SQLite does anything with the file: a
/// non-SQLite file, or one shorter than its own header says, is refused.
fn precheck_file(path: &Path, shown: &str) -> Result<()> {
    let meta = match std::fs::metadata(path) {
        Ok(m) => m,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(()),
        Err(e) => return Err(e.into()),
    };
    if meta.is_dir() {
        return Err(CoreError::NotADatabase { path: shown.to_string() });
    }
    let len = meta.len();
    if len == 0 {
        return Ok(()); // an empty file is a new database
    }
    let mut header = [0u8; 100];
    let mut f = File::open(path)?;
    let n = read_up_to(&mut f, &mut header)?;
    if n < SQLITE_MAGIC.len() || &header[..16] != SQLITE_MAGIC {
        return Err(CoreError::NotADatabase { path: shown.to_string() });
    }
    if n < 100 {
        return Err(CoreError::Corrupt { path: shown.to_string(), detail: "file ends inside the header".into() });
    }
    let page_size = match u16::from_be_bytes([header[16], header[17]]) {
        1 => 65_536u64,
        p => p as u64,
    };
    if page_size < 512 || !page_size.is_power_of_two() {
        return Err(CoreError::Corrupt { path: shown.to_string(), detail: "invalid page size".into() });
    }
    if len % page_size != 0 {
        return Err(CoreError::Corrupt {
            path: shown.to_string(),
            detail: format!("file length {len} is not a whole number of {page_size}-byte pages (truncated?)"),
        });
    }
    let change_counter = &header[24..28];
    let valid_for = &header[92..96];
    let pages = u32::from_be_bytes([header[28], header[29], header[30], header[31]]) as u64;
    if change_counter == valid_for && pages * page_size > len {
        return Err(CoreError::Corrupt {
            path: shown.to_string(),
            detail: format!("header says {pages} pages but the file holds {}", len / page_size),
        });
    }
    Ok(())
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
            c.execute_batch("CREATE TABLE t(x); PRAGMA user_version = 999;").unwrap();
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
    fn directory_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        assert!(matches!(Store::open(dir.path()), Err(CoreError::NotADatabase { .. })));
    }
}
