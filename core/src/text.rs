//! Small shared helpers: enums with stable string names (for storage, the
//! CLI and backups) and free-text validation.

use crate::error::{CoreError, Result};

/// Longest free-text note, in characters.
pub const MAX_NOTE_CHARS: usize = 1000;

/// Declare a fieldless enum whose variants have stable snake_case names used
/// in the database, backups, the CLI and JSON. Derives uniffi behind the
/// `uniffi` feature.
macro_rules! enum_str {
    ($(#[$meta:meta])* pub enum $name:ident { $($(#[$vmeta:meta])* $variant:ident = $text:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
        #[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
        pub enum $name {
            $($(#[$vmeta])* #[serde(rename = $text)] $variant),+
        }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $text),+ }
            }

            pub fn parse(s: &str) -> Option<$name> {
                match s { $($text => Some($name::$variant),)+ _ => None }
            }

            /// Parse, or a typed error naming `field` and the allowed values.
            pub fn parse_field(field: &str, s: &str) -> $crate::error::Result<$name> {
                let t = s.trim().to_ascii_lowercase().replace('-', "_");
                $name::parse(&t).ok_or_else(|| {
                    let allowed: Vec<&str> = $name::ALL.iter().map(|v| v.as_str()).collect();
                    $crate::error::CoreError::invalid(
                        field,
                        &format!("unknown value '{}' (expected one of: {})", s.trim(), allowed.join(", ")),
                    )
                })
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.pad(self.as_str())
            }
        }
    };
}
pub(crate) use enum_str;

/// Decode a stored comma-separated list of rule ids ("" is none).
pub fn split_ids(s: &str) -> Vec<String> {
    s.split(',').filter(|x| !x.is_empty()).map(str::to_string).collect()
}

/// Encode a list of rule ids for storage: comma-separated, each id once, in
/// the order first given (a decision can name a rule from two routes, e.g.
/// S2 from a same-day step-back and from the day's check-in; the stored list
/// is a set, and backups refuse an id listed twice).
pub fn join_ids(ids: &[String]) -> String {
    let mut seen: Vec<&str> = Vec::with_capacity(ids.len());
    for id in ids {
        if !id.is_empty() && !seen.contains(&id.as_str()) {
            seen.push(id);
        }
    }
    seen.join(",")
}

/// Validate optional free text: at most 1000 characters, no control
/// characters other than newline and tab. Blank becomes `None`.
pub fn check_note(field: &str, note: Option<&str>) -> Result<Option<String>> {
    let Some(text) = note else { return Ok(None) };
    let trimmed = text.trim();
    if trimmed.is_empty() {
        return Ok(None);
    }
    let n = trimmed.chars().count();
    if n > MAX_NOTE_CHARS {
        return Err(CoreError::invalid(field, &format!("is {n} characters; at most {MAX_NOTE_CHARS} allowed")));
    }
    if let Some(c) = trimmed.chars().find(|c| c.is_control() && *c != '\n' && *c != '\t') {
        return Err(CoreError::invalid(field, &format!("contains the control character U+{:04X}", c as u32)));
    }
    Ok(Some(trimmed.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn notes() {
        assert_eq!(check_note("note", None).unwrap(), None);
        assert_eq!(check_note("note", Some("  ")).unwrap(), None);
        assert_eq!(check_note("note", Some(" ok\nline2 ")).unwrap().as_deref(), Some("ok\nline2"));
        assert!(check_note("note", Some(&"é".repeat(1000))).is_ok());
        let e = check_note("note", Some(&"é".repeat(1001))).unwrap_err();
        assert!(matches!(e, CoreError::Invalid { ref field, .. } if field == "note"));
        assert!(check_note("note", Some("bell\u{7}")).is_err());
        // SQL-looking text is just text.
        assert_eq!(
            check_note("note", Some("'); DROP TABLE drinks; --")).unwrap().as_deref(),
            Some("'); DROP TABLE drinks; --")
        );
    }
}

#[cfg(test)]
mod join_ids_tests {
    #[test]
    fn each_id_once_in_first_order() {
        let ids: Vec<String> = ["S2", "D4", "S2", "", "D4", "S1"].iter().map(|s| s.to_string()).collect();
        assert_eq!(super::join_ids(&ids), "S2,D4,S1");
        assert_eq!(super::split_ids(&super::join_ids(&ids)), vec!["S2", "D4", "S1"]);
    }
}
