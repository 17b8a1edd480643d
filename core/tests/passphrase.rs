//! Passphrase strength (issue 17): levels for a table of passphrases, the
//! reasons in every language, and inputs that must not break the judge.

use kefir_core::l10n::{Lang, Locale};
use kefir_core::passphrase::{judge, PassphraseLevel, MIN_CHARS};

use PassphraseLevel::{Fair, Strong, TooWeak};

fn en() -> Locale {
    Locale::english()
}

fn loc(tag: &str) -> Locale {
    Locale::parse(tag).unwrap()
}

/// (passphrase, the least level, the most level).
const TABLE: &[(&str, PassphraseLevel, PassphraseLevel)] = &[
    // Empty and whitespace only.
    ("", TooWeak, TooWeak),
    ("   \t  ", TooWeak, TooWeak),
    // Common passwords and close variants: case, leetspeak, added digits
    // and symbols, reversed.
    ("password", TooWeak, TooWeak),
    ("Password1", TooWeak, TooWeak),
    ("PASSWORD123!", TooWeak, TooWeak),
    ("P@ssw0rd2024!", TooWeak, TooWeak),
    ("p4ssw0rd12345", TooWeak, TooWeak),
    ("drowssapdrowssap", TooWeak, TooWeak),
    ("iloveyou2019!", TooWeak, TooWeak),
    ("trustno1trustno1", TooWeak, TooWeak),
    ("password1234!", TooWeak, Fair),
    // Sequences, repeats, keyboard runs.
    ("123456789012", TooWeak, TooWeak),
    ("abcdefghijklmnop", TooWeak, TooWeak),
    ("zyxwvutsrqponm", TooWeak, TooWeak),
    ("aaaaaaaaaaaaaaaa", TooWeak, TooWeak),
    ("abcabcabcabcabc", TooWeak, TooWeak),
    ("qwertyuiopasdf", TooWeak, TooWeak),
    ("1qaz2wsx3edc4rfv", TooWeak, TooWeak),
    ("asdfghjklzxcvbnm", TooWeak, TooWeak),
    ("qwertzuiopü1234", TooWeak, TooWeak),
    // Keyboard rows typed with Shift (US, German, Russian layouts).
    ("!@#$%^&*()_+", TooWeak, TooWeak),
    ("°!\"§$%&/()=?`", TooWeak, TooWeak),
    ("!\"№;%:?*()_+", TooWeak, TooWeak),
    // Months, weekdays and dates.
    ("January2024!!", TooWeak, TooWeak),
    ("понедельник2024", TooWeak, TooWeak),
    ("Zq15.03.1987x", TooWeak, TooWeak),
    ("qZ24051987xk", TooWeak, TooWeak),
    // Famous example passphrases, with any separators.
    ("correct horse battery staple", TooWeak, TooWeak),
    ("Correct-Horse-Battery-Staple", TooWeak, TooWeak),
    ("correct horse battery staple orbit", TooWeak, TooWeak),
    ("the quick brown fox jumps over the lazy dog", TooWeak, TooWeak),
    // Repeats of any group, also not next to each other; the copies do not
    // count towards the length.
    ("Tr0ub4dor&3Tr0ub4dor&3", TooWeak, TooWeak),
    ("xq7vbk2mzrwxq7vbk2mzrw", TooWeak, TooWeak),
    ("k7Qzmx!wp2k7Qzmx!", TooWeak, TooWeak),
    ("ЯлюблюкефирЯлюблю", TooWeak, TooWeak),
    // Medicines a user of a health diary types.
    ("Amoxicillin500", TooWeak, TooWeak),
    ("ibuprofen-x7Qm", TooWeak, TooWeak),
    ("Варфарин5мг!", TooWeak, TooWeak),
    // The app's own words.
    ("kefirkefir2024", TooWeak, TooWeak),
    ("KefirStart2025!", TooWeak, TooWeak),
    ("кефиркефир123", TooWeak, TooWeak),
    // Non-Latin scripts: characters are counted, not bytes.
    ("абвгд", TooWeak, TooWeak),
    ("пароль", TooWeak, TooWeak),
    ("пароль123456", TooWeak, TooWeak),
    ("йцукенгшщзхъ", TooWeak, TooWeak),
    ("ёжик", TooWeak, TooWeak),
    ("日本語のパスワード", TooWeak, TooWeak),
    ("我爱你我爱你我爱你我爱你", TooWeak, TooWeak),
    // An ideograph or a Hangul syllable counts as two characters.
    ("牛奶酸奶开菲尔健康日记", Fair, Strong),
    ("하늘바다구름별빛", Fair, Strong),
    ("вишня облако тетрадь лопата", Fair, Strong),
    ("вишня облако тетрадь лопата гроза", Strong, Strong),
    // Diceware-style: 4 random words at least Fair, 5 Strong.
    ("trumpet canvas lagoon diesel", Fair, Strong),
    ("trumpet canvas lagoon diesel orbit", Strong, Strong),
    ("clover staple orbit jingle mango", Strong, Strong),
    ("Wolke Treppe Gurke Anker Besen", Strong, Strong),
    // Random characters: 12 is the least, longer is stronger.
    ("xq7vbk2mzrwj", Fair, Fair),
    ("xq7vbk2mzrwjtpfh", Strong, Strong),
    ("Tr0ub4dor&3", TooWeak, TooWeak),
];

#[test]
fn levels_follow_the_table() {
    let mut wrong = Vec::new();
    for &(p, least, most) in TABLE {
        let v = judge(p, &en());
        if v.level < least || v.level > most {
            wrong.push(format!("{p:?}: {:?} ({:.1}), expected {least:?}..={most:?}", v.level, v.guesses_log10));
        }
        assert_eq!(v.acceptable, v.level != TooWeak, "{p:?}");
        assert_eq!(v.reasons.is_empty(), v.level == Strong, "{p:?}: {:?}", v.reasons);
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn the_estimate_grows_with_random_length_and_drops_with_patterns() {
    let short = judge("xq7vbk2mzrwj", &en()).guesses_log10;
    let long = judge("xq7vbk2mzrwjtpfh", &en()).guesses_log10;
    assert!(long > short + 3.0, "{short} {long}");
    assert!(judge("password1234!", &en()).guesses_log10 < judge("xq7vbk2mzrwj!", &en()).guesses_log10);
    assert_eq!(judge("", &en()).guesses_log10, 0.0);
}

fn reasons(p: &str, l: &Locale) -> Vec<String> {
    judge(p, l).reasons
}

#[test]
fn a_short_passphrase_is_told_the_minimum() {
    let v = judge("Xk9!", &en());
    assert_eq!(v.level, TooWeak);
    assert!(v.reasons[0].contains(&MIN_CHARS.to_string()), "{:?}", v.reasons);
    let ru = reasons("Xk9!", &loc("ru"));
    assert!(ru[0].contains(&format!("{MIN_CHARS} символов")), "{ru:?}");
    let de = reasons("Xk9!", &loc("de"));
    assert!(de[0].contains(&format!("{MIN_CHARS} Zeichen")), "{de:?}");
}

#[test]
fn each_weakness_has_its_own_reason() {
    let en = en();
    let common = en.t("passphrase-reason-common");
    let context = en.t("passphrase-reason-context");
    let keyboard = en.t("passphrase-reason-keyboard");
    let sequence = en.t("passphrase-reason-sequence");
    let repeated = en.t("passphrase-reason-repeated");
    let one_kind = en.t("passphrase-reason-one-kind");
    let empty = en.t("passphrase-reason-empty");
    let year = en.t("passphrase-reason-year");
    let famous = en.t("passphrase-reason-famous");
    let medicine = en.t("passphrase-reason-medicine");
    let date = en.t("passphrase-reason-date");
    let cases: &[(&str, &String)] = &[
        ("P@ssw0rd1234", &common),
        ("monkey!monkey!x", &repeated),
        ("kefirstart!!x9", &context),
        ("zxcvbnm,./asdfg", &keyboard),
        ("lmnopqrstuvw!!", &sequence),
        ("aaaaaaaaaaaaaaa", &repeated),
        ("aaaaaaaaaaaaaaa", &one_kind),
        ("983475028374", &one_kind),
        ("", &empty),
        ("  ", &empty),
        ("x7Q!1987k2m", &year),
        ("!@#$%^&*()_+", &keyboard),
        ("!\"№;%:?*()_+", &keyboard),
        ("January2024!!", &date),
        ("Zq15.03.1987x", &date),
        ("qZ24051987xk", &date),
        ("Correct-Horse-Battery-Staple", &famous),
        ("ЯлюблюкефирЯлюблю", &repeated),
        ("k7Qzmx!wp2k7Qzmx!", &repeated),
        ("xq7vbk2mzrwxq7vbk2mzrw", &repeated),
        ("Amoxicillin500", &medicine),
    ];
    for (p, want) in cases {
        let got = reasons(p, &en);
        assert!(got.contains(want), "{p:?}: {got:?} lacks {want:?}");
    }
    // A fair passphrase without a pattern still says why it is only fair.
    let fair = judge("xq7vbk2mzrwj", &en);
    assert_eq!(fair.level, Fair);
    assert_eq!(fair.reasons, vec![en.t("passphrase-reason-guessable")]);
}

#[test]
fn reasons_and_labels_are_in_the_callers_language() {
    let weak = "Password1234";
    let en_v = judge(weak, &en());
    for tag in ["de", "ru", "de-AT"] {
        let v = judge(weak, &loc(tag));
        assert_eq!(v.level, en_v.level);
        assert!(!v.reasons.is_empty());
        assert_eq!(v.reasons.len(), en_v.reasons.len(), "{tag}");
        for (r, e) in v.reasons.iter().zip(&en_v.reasons) {
            assert_ne!(r, e, "{tag}: reason left in English");
        }
        assert_ne!(v.level_label, en_v.level_label, "{tag}");
    }
    for lang in Lang::ALL {
        let l = loc(lang.code());
        let labels: Vec<String> = PassphraseLevel::ALL
            .iter()
            .map(|lvl| {
                let v = match lvl {
                    TooWeak => judge("", &l),
                    Fair => judge("xq7vbk2mzrwj", &l),
                    Strong => judge("xq7vbk2mzrwjtpfh", &l),
                };
                assert_eq!(v.level, *lvl);
                v.level_label
            })
            .collect();
        assert!(labels.iter().all(|s| !s.is_empty() && !s.starts_with("passphrase-")), "{labels:?}");
        assert_eq!(labels.iter().collect::<std::collections::BTreeSet<_>>().len(), 3, "{labels:?}");
    }
}

#[test]
fn the_verdict_never_contains_the_passphrase() {
    let secrets = [
        "Zq9#kefirWx2",
        "dragon7Zq#dragon7Zq#",
        "пароль-Жк7пароль-Жк7",
        "qwertyZQ!9",
        "Tr0ub4dor&3",
        "xq7vbk2mzrwj",
        "mxyzptlk1984",
    ];
    for p in secrets {
        for lang in Lang::ALL {
            let v = judge(p, &loc(lang.code()));
            let all = serde_json::to_string(&v).unwrap();
            assert!(!all.contains(p), "{p:?} echoed in {all}");
            // Nor any 6-character piece of it.
            let chars: Vec<char> = p.chars().collect();
            for w in chars.windows(6) {
                let piece: String = w.iter().collect();
                assert!(!all.contains(&piece), "{piece:?} of {p:?} echoed in {all}");
            }
        }
    }
}

#[test]
fn huge_and_odd_inputs_are_judged() {
    // 1 MB of random-looking letters: only the start is analysed, the
    // length counts in full.
    let mut s = String::with_capacity(1 << 20);
    let mut x: u32 = 12345;
    while s.len() < 1 << 20 {
        x = x.wrapping_mul(1_103_515_245).wrapping_add(12345);
        s.push(char::from(b'a' + ((x >> 16) % 26) as u8));
    }
    let v = judge(&s, &en());
    assert_eq!(v.level, Strong);
    // 1 MB of one character and of a common password repeated.
    assert_eq!(judge(&"a".repeat(1 << 20), &en()).level, TooWeak);
    assert_eq!(judge(&"password".repeat(1 << 17), &en()).level, TooWeak);
    assert_eq!(judge(&"correct horse battery staple ".repeat(4400), &en()).level, TooWeak);
    // Repeating a group never makes it stronger than the group, however often.
    assert_eq!(judge(&"xq7vbk2mzrw".repeat(4400), &en()).level, TooWeak);
    let group = judge("k7Qzmx!wp2vbT", &en()).guesses_log10;
    let repeated = judge(&"k7Qzmx!wp2vbT".repeat(4400), &en()).guesses_log10;
    assert!(repeated < group + 2.0, "{group} {repeated}");
    // 1 MB of 4-byte characters: counted as characters.
    assert_eq!(judge(&"😀".repeat(1 << 18), &en()).level, TooWeak);
    // Control characters are not counted; a long emoji-free mix is judged.
    assert_eq!(judge("\u{0}\u{1}\u{7f}\n\r\t", &en()).level, TooWeak);
    assert_eq!(judge("\u{200b}\u{feff}", &en()).level, TooWeak);
}

#[test]
fn a_random_11_character_passphrase_is_too_short_and_12_is_not() {
    assert_eq!(judge("xq7vbk2mzrw", &en()).level, TooWeak);
    assert_eq!(judge("xq7vbk2mzrwj", &en()).level, Fair);
    // Cyrillic and CJK count the same, whatever their UTF-8 length.
    assert_eq!(judge("жщфыцэчбшюял", &en()).level, Fair);
    assert_eq!(judge("жщфыцэчбшюя", &en()).level, TooWeak);
    // An ideograph or a Hangul syllable counts as two: 6 random ones are
    // like 12 letters, 5 are too short.
    assert_eq!(judge("雨山书龟火月", &en()).level, Fair);
    assert_eq!(judge("雨山书龟火", &en()).level, TooWeak);
    assert_eq!(judge("雨山书龟火月花鸟风云水", &en()).level, Strong);
}
