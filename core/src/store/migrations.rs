//! Schema versions. `schema/vN.sql` is the frozen full schema of version N;
//! a fresh database runs the newest snapshot in one go, an older one runs
//! each `schema/upgrade_N.sql` (N-1 → N) in its own transaction. A test
//! checks that every upgrade path ends in exactly the fresh schema.

use rusqlite::Connection;

use crate::error::{CoreError, Result};

/// Frozen snapshots, index 0 = version 1.
pub const SCHEMA_SNAPSHOTS: &[&str] = &[
    include_str!("../../schema/v1.sql"),
    include_str!("../../schema/v2.sql"),
    include_str!("../../schema/v3.sql"),
    include_str!("../../schema/v4.sql"),
    include_str!("../../schema/v5.sql"),
];

/// Upgrade scripts, index 0 = version 1 → 2.
const UPGRADES: &[&str] = &[
    include_str!("../../schema/upgrade_2.sql"),
    include_str!("../../schema/upgrade_3.sql"),
    include_str!("../../schema/upgrade_4.sql"),
    include_str!("../../schema/upgrade_5.sql"),
];

pub const LATEST_VERSION: i64 = SCHEMA_SNAPSHOTS.len() as i64;

pub(crate) fn migrate(conn: &Connection) -> Result<()> {
    run(conn, SCHEMA_SNAPSHOTS, UPGRADES)
}

/// Each step is one IMMEDIATE transaction that re-reads `user_version`
/// after taking the write lock, so several processes opening one new (or
/// old) database at once each see the version the previous one committed:
/// the schema is created once, every upgrade runs once, and nobody fails.
fn run(conn: &Connection, snapshots: &[&str], upgrades: &[&str]) -> Result<()> {
    let latest = snapshots.len() as i64;
    let version: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    if version == latest {
        return Ok(()); // the common case: no write lock taken
    }
    loop {
        let tx = crate::store::write_tx(conn)?;
        let version: i64 = tx.query_row("PRAGMA user_version", [], |r| r.get(0))?;
        if version == latest {
            return Ok(()); // another connection migrated it meanwhile
        }
        if version > latest {
            return Err(CoreError::NewerSchema { found: version, supported: latest });
        }
        if version < 0 {
            return Err(CoreError::NotADatabase { path: String::new() });
        }
        if version == 0 {
            let tables: i64 =
                tx.query_row("SELECT count(*) FROM sqlite_schema WHERE name NOT LIKE 'sqlite_%'", [], |r| r.get(0))?;
            if tables > 0 {
                return Err(CoreError::NotADatabase { path: String::new() });
            }
            tx.execute_batch(snapshots[snapshots.len() - 1])?;
            tx.pragma_update(None, "user_version", latest)?;
        } else {
            tx.execute_batch(upgrades[(version - 1) as usize])?;
            tx.pragma_update(None, "user_version", version + 1)?;
        }
        tx.commit()?;
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// A structural description of a schema: every table's columns (name,
    /// type, not-null, default, pk), indexes with their columns, foreign keys
    /// and triggers. Comparing this, rather than `sqlite_schema.sql` text,
    /// ignores the formatting differences `ALTER TABLE` leaves behind.
    pub(crate) fn describe(conn: &Connection) -> Vec<String> {
        let mut out = Vec::new();
        let mut objects: Vec<(String, String, String, Option<String>)> = conn
            .prepare("SELECT type, name, tbl_name, sql FROM sqlite_schema WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name")
            .unwrap()
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))
            .unwrap()
            .map(|r| r.unwrap())
            .collect();
        objects.sort();
        for (kind, name, table, sql) in objects {
            match kind.as_str() {
                "table" => {
                    let mut st = conn.prepare(&format!("PRAGMA table_xinfo('{name}')")).unwrap();
                    let cols = st
                        .query_map([], |r| {
                            Ok(format!(
                                "{}:{}:{}:{:?}:{}",
                                r.get::<_, String>(1)?,
                                r.get::<_, String>(2)?,
                                r.get::<_, i64>(3)?,
                                r.get::<_, Option<String>>(4)?,
                                r.get::<_, i64>(5)?
                            ))
                        })
                        .unwrap()
                        .map(|r| r.unwrap())
                        .collect::<Vec<_>>();
                    out.push(format!("table {name} ({})", cols.join(", ")));
                    let mut st = conn.prepare(&format!("PRAGMA foreign_key_list('{name}')")).unwrap();
                    let mut fks = st
                        .query_map([], |r| {
                            Ok(format!(
                                "fk {name}.{} -> {}.{:?} on delete {}",
                                r.get::<_, String>(3)?,
                                r.get::<_, String>(2)?,
                                r.get::<_, Option<String>>(4)?,
                                r.get::<_, String>(6)?
                            ))
                        })
                        .unwrap()
                        .map(|r| r.unwrap())
                        .collect::<Vec<_>>();
                    fks.sort();
                    out.extend(fks);
                    // CHECK constraints live only in the CREATE text: keep them.
                    if let Some(sql) = sql {
                        let mut checks: Vec<String> = sql
                            .match_indices("CHECK")
                            .map(|(i, _)| {
                                let rest = &sql[i..];
                                let end = rest.find(')').map(|e| e + 1).unwrap_or(rest.len());
                                normalise(&rest[..end])
                            })
                            .collect();
                        checks.sort();
                        for c in checks {
                            out.push(format!("check {name}: {c}"));
                        }
                    }
                }
                "index" => {
                    let mut st = conn.prepare(&format!("PRAGMA index_xinfo('{name}')")).unwrap();
                    let cols = st
                        .query_map([], |r| Ok(format!("{:?}:{}", r.get::<_, Option<String>>(2)?, r.get::<_, i64>(3)?)))
                        .unwrap()
                        .map(|r| r.unwrap())
                        .collect::<Vec<_>>();
                    let partial = sql.as_deref().and_then(|s| s.find(" WHERE ").map(|i| normalise(&s[i..])));
                    out.push(format!("index {name} on {table} ({}) {:?}", cols.join(", "), partial));
                }
                _ => out.push(format!("{kind} {name} on {table}: {}", normalise(sql.as_deref().unwrap_or("")))),
            }
        }
        out
    }

    fn normalise(s: &str) -> String {
        s.split_whitespace().collect::<Vec<_>>().join(" ")
    }

    fn fresh() -> Connection {
        let c = Connection::open_in_memory().unwrap();
        migrate(&c).unwrap();
        c
    }

    #[test]
    fn every_snapshot_migrates_to_exactly_the_fresh_schema() {
        let want = describe(&fresh());
        assert!(want.iter().any(|l| l.starts_with("table drinks")), "{want:?}");
        for (i, snapshot) in SCHEMA_SNAPSHOTS.iter().enumerate() {
            let version = i as i64 + 1;
            let c = Connection::open_in_memory().unwrap();
            c.execute_batch(snapshot).unwrap();
            c.pragma_update(None, "user_version", version).unwrap();
            migrate(&c).unwrap();
            assert_eq!(describe(&c), want, "upgrading from v{version}");
            let v: i64 = c.query_row("PRAGMA user_version", [], |r| r.get(0)).unwrap();
            assert_eq!(v, LATEST_VERSION);
            let id: i32 = c.query_row("PRAGMA application_id", [], |r| r.get(0)).unwrap();
            assert_eq!(id, crate::store::APPLICATION_ID, "application_id after upgrading from v{version}");
        }
        let id: i32 = fresh().query_row("PRAGMA application_id", [], |r| r.get(0)).unwrap();
        assert_eq!(id, crate::store::APPLICATION_ID, "a fresh database");
    }

    #[test]
    fn one_upgrade_script_per_version_step() {
        assert_eq!(UPGRADES.len() + 1, SCHEMA_SNAPSHOTS.len());
    }

    #[test]
    fn a_failing_upgrade_rolls_back_to_the_previous_version() {
        let c = Connection::open_in_memory().unwrap();
        c.execute_batch(SCHEMA_SNAPSHOTS[0]).unwrap();
        c.pragma_update(None, "user_version", 1).unwrap();
        // A broken step 1 -> 2: its first statement succeeds, its second fails.
        let broken = ["CREATE TABLE half_done(x); CREATE TABLE drinks(x);"];
        let snapshots = [SCHEMA_SNAPSHOTS[0], "CREATE TABLE unused(x);"];
        assert!(run(&c, &snapshots, &broken).is_err());
        let v: i64 = c.query_row("PRAGMA user_version", [], |r| r.get(0)).unwrap();
        assert_eq!(v, 1);
        let n: i64 =
            c.query_row("SELECT count(*) FROM sqlite_schema WHERE name = 'half_done'", [], |r| r.get(0)).unwrap();
        assert_eq!(n, 0);
    }
}
