//! Compress the bundled DejaVu subset fonts (core/assets/fonts/*.ttf) with
//! zlib at build time: the shipped library carries them deflated (about half
//! the size) and `report::pdf` inflates each once per process.
fn main() {
    let out = std::path::PathBuf::from(std::env::var("OUT_DIR").expect("OUT_DIR"));
    for name in ["DejaVuSans-subset.ttf", "DejaVuSans-Bold-subset.ttf"] {
        let src = std::path::Path::new("assets/fonts").join(name);
        println!("cargo:rerun-if-changed={}", src.display());
        let data = std::fs::read(&src).expect("bundled font");
        let z = miniz_oxide::deflate::compress_to_vec_zlib(&data, 10);
        std::fs::write(out.join(format!("{name}.z")), z).expect("write compressed font");
    }
}
