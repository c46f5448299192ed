//! `hoso package build` and `hoso package verify`: the submission package made from answers and
//! files exactly as the app makes it (the same core code, the same bytes), and checked as a desk
//! receives it.

use std::path::{Path, PathBuf};

use crate::args::Args;
use crate::Failure;
use hoso::core::calendar::Receipt;
use hoso::core::catalogue::Mode;
use hoso::core::checklist::Attachment;
use hoso::core::dossier::Dossier;
use hoso::core::files::{check_file, sha256_hex, Limits};
use hoso::core::forms::{form_for, form_of, Answers};
use hoso::core::package::seal::{self, Seal};
use hoso::core::package::{assemble, file_name, plan, verify_sealed, Fonts, Input};

pub const HELP: &str = "\
  package build CODE --answers A.json --attach GIẤY_TỜ=TỆP… [--out F.zip]
                                 Lập gói hồ sơ nộp (ZIP: manifest.json, to-khai.pdf, bien-nhan.pdf,
                                 huong-dan-nop.txt, giấy tờ) như ứng dụng lập; GIẤY_TỜ là khoá giấy tờ
                                 (d0, d1…, như trong manifest); --at THỜI_ĐIỂM (RFC 3339, mặc định: bây giờ);
                                 --channel online|post|in_person; --catalogue DIR; --units FILE;
                                 mã hoá (định dạng age, tệp .zip.age): --recipient age1… (khoá công khai của cơ
                                 quan tiếp nhận, có thể nhiều lần) hoặc --passphrase-file TỆP (mật khẩu ở dòng đầu)
  package verify F.zip           Kiểm tra gói hồ sơ (không giải nén): cấu trúc an toàn, mã băm, đủ giấy tờ,
                                 quy tắc tờ khai, kiểm tra lại từng tệp; in {ok, procedure, files, problems};
                                 mã thoát 1 khi không hợp lệ. --identity TỆP_KHOÁ hoặc --passphrase-file TỆP: mở gói đã mã hoá (.zip.age);
                                 --catalogue DIR; --units FILE
";

pub fn run(args: &mut Args) -> Result<(), Failure> {
    match args.next_positional().as_deref() {
        Some("build") => build(args),
        Some("verify") => check(args),
        Some(other) => Err(Failure::Usage(format!("không có lệnh `package {other}`; dùng `package build` hoặc `package verify`"))),
        None => Err(Failure::Usage("thiếu lệnh con: `package build` hoặc `package verify`".into())),
    }
}

fn read(path: &str) -> Result<Vec<u8>, Failure> {
    std::fs::read(path).map_err(|e| Failure::Request(format!("Không đọc được {path}: {e}")))
}

/// The fonts the app fetches at export (`public/fonts`), here or in the source tree.
fn fonts() -> Result<(Vec<u8>, Vec<u8>), Failure> {
    let here = PathBuf::from("public/fonts");
    let dir = if here.join("DejaVuSerif.ttf").exists() { here } else { Path::new(env!("CARGO_MANIFEST_DIR")).join("public/fonts") };
    let load = |name: &str| std::fs::read(dir.join(name)).map_err(|e| Failure::Request(format!("Không đọc được phông chữ {}: {e}", dir.join(name).display())));
    Ok((load("DejaVuSerif.ttf")?, load("DejaVuSerif-Bold.ttf")?))
}

fn build(args: &mut Args) -> Result<(), Failure> {
    let code = args.next_positional().ok_or_else(|| Failure::Usage("thiếu mã thủ tục, ví dụ: package build 1.001193 --answers a.json".into()))?;
    let answers_path = args.option("answers")?.ok_or_else(|| Failure::Usage("thiếu --answers TỆP.json".into()))?;
    let attach = args
        .options("attach")
        .into_iter()
        .map(|a| match a.split_once('=') {
            Some((paper, path)) if !paper.is_empty() && !path.is_empty() => Ok((paper.to_string(), path.to_string())),
            _ => Err(Failure::Usage(format!("--attach có dạng GIẤY_TỜ=TỆP (ví dụ d0=giay.pdf), không phải «{a}»"))),
        })
        .collect::<Result<Vec<_>, _>>()?;
    let at = match args.option("at")? {
        Some(t) => Receipt::parse_rfc3339(&t).ok_or_else(|| Failure::Usage(format!("--at có dạng 2026-11-25T10:00+07:00, không phải «{t}»")))?,
        None => Receipt::from_unix_millis(std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_millis() as i64).unwrap_or(0)),
    };
    let channel = match args.option("channel")?.as_deref() {
        None => None,
        Some("online") => Some(Mode::Online),
        Some("post") => Some(Mode::Post),
        Some("in_person") => Some(Mode::InPerson),
        Some(other) => return Err(Failure::Usage(format!("--channel là online, post hoặc in_person, không phải «{other}»"))),
    };
    let out = args.option("out")?;
    let keys = args.options("recipient");
    let passphrase_file = args.option("passphrase-file")?;
    let dir = crate::catalogue::catalogue_dir(args)?;
    let units = crate::units::from_args(args)?;
    args.finish()?;
    let sealing = match (keys.is_empty(), passphrase_file) {
        (true, None) => None,
        (false, None) => Some(Seal::Recipients(seal::recipients(&keys.join(" ")).map_err(|p| Failure::Usage(p.message()))?)),
        (true, Some(f)) => {
            let text = String::from_utf8(read(&f)?).map_err(|_| Failure::Request(format!("{f} không phải văn bản UTF-8")))?;
            Some(Seal::Passphrase(text.lines().next().unwrap_or_default().to_string()))
        }
        (false, Some(_)) => return Err(Failure::Usage("dùng --recipient hoặc --passphrase-file, không dùng cả hai (định dạng age không cho phép)".into())),
    };

    let index = crate::catalogue::load_index(&dir)?;
    let procedure = crate::catalogue::load_procedure(&dir, &code)?.ok_or_else(|| Failure::Request(format!("Không có thủ tục mã {code} trong danh mục.")))?;
    let answers: Answers = serde_json::from_slice(&read(&answers_path)?)
        .map_err(|e| Failure::Request(format!("{answers_path}: câu trả lời phải là một đối tượng JSON gồm các chuỗi: {e}")))?;
    let mut dossier = Dossier::new(code.clone(), code.clone(), index.catalogue_version.clone(), at);
    dossier.answers = answers;
    dossier.channel = channel;
    let mut files = std::collections::BTreeMap::new();
    for (paper, path) in &attach {
        let bytes = read(path)?;
        let name = Path::new(path).file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| path.to_string());
        let report = check_file(&name, &bytes, &Limits::default());
        if report.refused() {
            return Err(Failure::Request(format!("{path}: {}", report.refusal())));
        }
        let hash = sha256_hex(&bytes);
        dossier.attachments.add(paper, Attachment::new(hash.clone(), name, &report));
        files.insert(hash, bytes);
    }
    let form = form_of(&code, &procedure.name);
    let input = Input { procedure: &procedure, form: &form, full_form: form_for(&code).is_some(), dossier: &dossier, units: Some(&units) };
    let planned = plan(&input).map_err(|u| {
        println!("{}", serde_json::json!({ "ok": false, "problems": [serde_json::json!({ "unready": u, "message": u.message() })] }));
        Failure::Request(u.message())
    })?;
    let (regular, bold) = fonts()?;
    let bytes = assemble(&planned, Fonts { regular: &regular, bold: &bold }, |h| files.get(h).cloned()).map_err(|p| Failure::Request(p.message()))?;
    let bytes = match &sealing {
        Some(how) => seal::seal(&bytes, how).map_err(|p| Failure::Request(p.message()))?,
        None => bytes,
    };
    let out = out.unwrap_or_else(|| file_name(&planned.manifest) + if sealing.is_some() { ".age" } else { "" });
    std::fs::write(&out, &bytes).map_err(|e| Failure::Request(format!("Không ghi được {out}: {e}")))?;
    println!("{}", serde_json::json!({ "ok": true, "out": out, "bytes": bytes.len(), "sha256": sha256_hex(&bytes), "files": planned.manifest.files.len() }));
    Ok(())
}

fn check(args: &mut Args) -> Result<(), Failure> {
    let path = args.next_positional().ok_or_else(|| Failure::Usage("thiếu đường dẫn gói hồ sơ (.zip)".into()))?;
    let identity = match args.option("identity")? {
        Some(f) => Some(String::from_utf8(read(&f)?).map_err(|_| Failure::Request(format!("{f} không phải tệp khoá age")))?),
        None => None,
    };
    let passphrase = match args.option("passphrase-file")? {
        Some(f) => Some(
            String::from_utf8(read(&f)?).map_err(|_| Failure::Request(format!("{f} không phải văn bản UTF-8")))?.lines().next().unwrap_or_default().to_string(),
        ),
        None => None,
    };
    let key = match (&identity, &passphrase) {
        (Some(_), Some(_)) => return Err(Failure::Usage("dùng --identity hoặc --passphrase-file, không dùng cả hai".into())),
        (Some(i), None) => Some(hoso::core::package::seal::Key::Identity(i)),
        (None, Some(p)) => Some(hoso::core::package::seal::Key::Passphrase(p)),
        (None, None) => None,
    };
    let dir = crate::catalogue::catalogue_dir(args)?;
    let units = crate::units::from_args(args)?;
    args.finish()?;
    let size = std::fs::metadata(&path).map_err(|e| Failure::Request(format!("Không đọc được {path}: {e}")))?.len();
    // Refused by its size before it is read into memory.
    let bytes = if size > hoso::core::package::verify::MAX_PACKAGE_BYTES { Vec::new() } else { read(&path)? };
    let lookup = |code: &str| {
        let procedure = crate::catalogue::load_procedure(&dir, code).ok().flatten()?;
        let form = form_of(code, &procedure.name).into_owned();
        Some((procedure, form, form_for(code).is_some()))
    };
    let verdict = if size > hoso::core::package::verify::MAX_PACKAGE_BYTES {
        hoso::core::package::Verdict {
            procedure: None,
            files: 0,
            problems: vec![hoso::core::package::VerifyProblem::Archive(hoso::core::zip::ZipProblem::TooLarge {
                bytes: size,
                limit: hoso::core::package::verify::MAX_PACKAGE_BYTES,
            })],
        }
    } else {
        verify_sealed(&bytes, key, &lookup, Some(&units))
    };
    let mut out = verdict.to_json();
    out["path"] = path.clone().into();
    println!("{out}");
    if verdict.ok() {
        Ok(())
    } else {
        Err(Failure::Request(verdict.problems.iter().map(|p| p.message()).collect::<Vec<_>>().join("\n")))
    }
}
