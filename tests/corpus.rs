//! Files from independent producers (Ghostscript, qpdf, img2pdf, pdftocairo, ImageMagick), made
//! by `tests/corpus/make.sh` at test time, through `hoso files check`: what a receiving desk
//! sees is what the app decides, for files hoso did not make itself.
#![cfg(not(target_arch = "wasm32"))]

use std::path::PathBuf;
use std::process::Command;

/// The corpus, made once per test run (the tests share it).
fn corpus() -> Option<PathBuf> {
    static MADE: std::sync::OnceLock<Option<PathBuf>> = std::sync::OnceLock::new();
    MADE.get_or_init(make).clone()
}

fn make() -> Option<PathBuf> {
    let out = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("corpus");
    let script = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/corpus/make.sh");
    let tools = ["gs", "qpdf", "img2pdf", "pdftocairo", "convert"];
    let missing: Vec<&str> =
        tools.iter().copied().filter(|t| Command::new("sh").args(["-c", &format!("command -v {t}")]).output().map_or(true, |o| !o.status.success())).collect();
    if !missing.is_empty() {
        assert!(std::env::var_os("CI").is_none(), "CI must have {missing:?} (scripts/setup.sh --test installs them)");
        eprintln!("\n*** SKIPPED: {missing:?} not installed; the real-producer corpus was not checked ***\n");
        return None;
    }
    let o = Command::new("bash").arg(&script).arg(&out).output().expect("run make.sh");
    assert!(o.status.success(), "make.sh failed: {}", String::from_utf8_lossy(&o.stderr));
    Some(out)
}

/// `hoso files check` on one file: (accepted, pages, problem kinds).
fn check(dir: &std::path::Path, name: &str) -> (bool, Option<u64>, Vec<String>) {
    let o = Command::new(env!("CARGO_BIN_EXE_hoso")).args(["files", "check"]).arg(dir.join(name)).output().unwrap();
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap_or_else(|e| panic!("{name}: {e}: {}", String::from_utf8_lossy(&o.stderr)));
    let kinds = v["problems"].as_array().unwrap().iter().map(|p| p["kind"].as_str().unwrap().to_string()).collect();
    (v["accepted"].as_bool().unwrap(), v["pages"].as_u64(), kinds)
}

#[test]
fn files_from_other_producers_are_judged_as_a_desk_needs() {
    let Some(dir) = corpus() else { return };
    let none: &[&str] = &[];
    #[rustfmt::skip]
    let expected: &[(&str, bool, Option<u64>, &[&str])] = &[
        // Whole PDFs, however they are laid out.
        ("gs-2-trang.pdf", true, Some(2), none),
        ("qpdf-objstm.pdf", true, Some(2), none),
        ("qpdf-linear.pdf", true, Some(2), none),
        ("qpdf-linear-objstm.pdf", true, Some(2), none),
        ("pdftocairo.pdf", true, Some(2), none),
        ("img2pdf.pdf", true, Some(1), none),
        // An owner password only: opens without one, so it is a paper, with a note.
        ("chu-40.pdf", true, Some(2), &["restricted"]),
        ("chu-128-rc4.pdf", true, Some(2), &["restricted"]),
        ("chu-128-aes.pdf", true, Some(2), &["restricted"]),
        ("chu-256.pdf", true, Some(2), &["restricted"]),
        ("chu-256-linear.pdf", true, Some(2), &["restricted"]),
        // A password to open: the office cannot read it.
        ("mo-40.pdf", false, Some(2), &["password"]),
        ("mo-128-rc4.pdf", false, Some(2), &["password"]),
        ("mo-128-aes.pdf", false, Some(2), &["password"]),
        ("mo-256.pdf", false, Some(2), &["password"]),
        // Not whole, whatever the layout; no page at all.
        ("cut-linear.pdf", false, Some(2), &["cut_off"]),
        ("cut-tail.pdf", false, Some(2), &["cut_off"]),
        ("cut-objstm.pdf", false, None, &["cut_off"]),
        ("khong-trang.pdf", false, Some(0), &["no_pages"]),
        // Photos in every encoding ImageMagick writes; the dark and blurred ones are warned about.
        ("anh.jpg", true, None, none),
        ("anh-cmyk.jpg", true, None, none),
        ("anh-progressive.jpg", true, None, none),
        ("anh-16bit.png", true, None, none),
        ("anh-interlaced.png", true, None, none),
        ("cut-anh.jpg", false, None, &["cut_off"]),
    ];
    let mut wrong = Vec::new();
    for (name, accepted, pages, kinds) in expected {
        let got = check(&dir, name);
        let (ok, p, k) = &got;
        // Pages of a cut file are whatever could still be read: not asserted.
        let pages_match = !*accepted && kinds.contains(&"cut_off") || p == pages;
        if ok != accepted || !pages_match || k != kinds {
            wrong.push(format!("{name}: got {got:?}, expected ({accepted}, {pages:?}, {kinds:?})"));
        }
    }
    assert!(wrong.is_empty(), "\n{}", wrong.join("\n"));
}

#[test]
fn dark_and_blurred_photos_get_the_app_s_warnings_from_the_cli() {
    let Some(dir) = corpus() else { return };
    let (ok, _, dark) = check(&dir, "anh-toi.jpg");
    assert!(ok && dark.contains(&"dark".to_string()), "{dark:?}");
    let (ok, _, blurred) = check(&dir, "anh-mo.jpg");
    assert!(ok && blurred == ["blurry"], "{blurred:?}");
}
