//! The facade's `passphrase_strength`: the core's verdict in the caller's
//! language, and a malformed locale as a typed error.

use kefir_core::passphrase::PassphraseLevel;
use kefir_ffi::{passphrase_strength, KefirError};

#[test]
fn the_facade_judges_in_the_callers_language() {
    let weak = passphrase_strength("Password1234".into(), "ru-RU".into()).unwrap();
    assert_eq!(weak.level, PassphraseLevel::TooWeak);
    assert!(!weak.acceptable);
    assert!(!weak.reasons.is_empty());
    assert!(weak.reasons.iter().all(|r| r.chars().any(|c| ('а'..='я').contains(&c))), "{:?}", weak.reasons);

    let strong = passphrase_strength("clover staple orbit jingle mango".into(), "de".into()).unwrap();
    assert_eq!(strong.level, PassphraseLevel::Strong);
    assert!(strong.acceptable && strong.reasons.is_empty());
    assert_eq!(strong.level_label, "Stark");
}

#[test]
fn a_malformed_locale_is_invalid_input() {
    let err = passphrase_strength("clover staple orbit jingle mango".into(), "x_y_z!".into()).unwrap_err();
    assert!(matches!(err, KefirError::InvalidInput { .. }), "{err:?}");
}
