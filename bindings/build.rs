//! Link flags of the shipped library.
//!
//! On glibc Linux (the x86_64 host build the size budget is checked on,
//! scripts/check-size.sh) the cdylib is linked with the Rust toolchain's own
//! lld (`rust-lld`, shipped with every rustup toolchain) so that it can use
//! two size options GNU ld lacks or only half has:
//! * `-z pack-relative-relocs` (DT_RELR; glibc >= 2.36): relative
//!   relocations of constant tables shrink from 24 bytes each to a few bits;
//! * `--icf=all`: identical code folding, one copy of functions whose machine
//!   code is the same (common with Rust generics).
//!
//! Measured in BENCHMARKS.md. If rust-lld is not found the default linker is
//! used with `-z pack-relative-relocs` only. Android's NDK lld takes the same
//! `--icf=all` and `--pack-dyn-relocs=relr` (API >= 28) in the Android build.
use std::path::PathBuf;
use std::process::Command;

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    let os = std::env::var("CARGO_CFG_TARGET_OS").unwrap_or_default();
    let env = std::env::var("CARGO_CFG_TARGET_ENV").unwrap_or_default();
    let target = std::env::var("TARGET").unwrap_or_default();
    if os != "linux" || env != "gnu" {
        return;
    }
    let rustc = std::env::var("RUSTC").unwrap_or_else(|_| "rustc".into());
    let sysroot = Command::new(rustc)
        .args(["--print", "sysroot"])
        .output()
        .ok()
        .filter(|o| o.status.success())
        .map(|o| PathBuf::from(String::from_utf8_lossy(&o.stdout).trim()));
    let gcc_ld = sysroot.map(|s| s.join("lib/rustlib").join(&target).join("bin/gcc-ld"));
    match gcc_ld.filter(|d| d.join("ld.lld").exists()) {
        Some(dir) => {
            println!("cargo:rustc-cdylib-link-arg=-B{}", dir.display());
            println!("cargo:rustc-cdylib-link-arg=-fuse-ld=lld");
            println!("cargo:rustc-cdylib-link-arg=-Wl,--icf=all");
            println!("cargo:rustc-cdylib-link-arg=-Wl,-O2");
            println!("cargo:rustc-cdylib-link-arg=-Wl,-z,pack-relative-relocs");
        }
        None => println!("cargo:rustc-cdylib-link-arg=-Wl,-z,pack-relative-relocs"),
    }
}
