//! `hoso catalogue …`: build the catalogue from the crawl, and read it.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use crate::args::Args;
use crate::Failure;
use hoso::core::catalogue::import::{flag_unread_conditions, unread_case};
use hoso::core::catalogue::model::Document;
use hoso::core::catalogue::overrides::Overrides;
use hoso::core::catalogue::sources::{Layout, Source, SOURCES};
use hoso::core::catalogue::{Index, Procedure};
use serde_json::json;

pub const HELP: &str = "\
  catalogue import THƯ_MỤC_DỮ_LIỆU [--out public/catalogue]
                                 Dựng danh mục thủ tục từ mọi nguồn có trong thư mục (hoặc từ
                                 một thư mục nguồn), in báo cáo nhập
  catalogue stats                Thống kê danh mục (JSON): procedures, with_documents, with_fees
                                 (có thông tin lệ phí, kể cả miễn phí), with_paid_fees, needs_review
  catalogue show MÃ              Toàn bộ thông tin một thủ tục (JSON)
      (--catalogue THƯ_MỤC chọn danh mục khác public/catalogue)
";

pub fn run(args: &mut Args) -> Result<(), Failure> {
    let sub = args.next_positional().ok_or_else(|| Failure::Usage("thiếu lệnh con: import, stats hoặc show".into()))?;
    match sub.as_str() {
        "import" => import(args),
        "stats" => stats(args),
        "show" => show(args),
        other => Err(Failure::Usage(format!("`catalogue {other}` không tồn tại; dùng import, stats hoặc show"))),
    }
}

/// The catalogue directory: `--catalogue DIR`, else `public/catalogue` here, else the one in
/// the source tree this binary was built from.
pub fn catalogue_dir(args: &mut Args) -> Result<PathBuf, Failure> {
    if let Some(dir) = args.option("catalogue")? {
        return Ok(PathBuf::from(dir));
    }
    let here = PathBuf::from("public/catalogue");
    if here.join("index.json").exists() {
        return Ok(here);
    }
    Ok(Path::new(env!("CARGO_MANIFEST_DIR")).join("public/catalogue"))
}

pub fn load_index(dir: &Path) -> Result<Index, Failure> {
    let path = dir.join("index.json");
    let text = fs::read_to_string(&path)
        .map_err(|e| Failure::Request(format!("Không đọc được danh mục {}: {e}. Hãy chạy `hoso catalogue import` trước.", path.display())))?;
    serde_json::from_str(&text).map_err(|e| Failure::Request(format!("Danh mục {} bị hỏng: {e}", path.display())))
}

pub fn load_procedure(dir: &Path, code: &str) -> Result<Option<Procedure>, Failure> {
    if !code.chars().all(|c| c.is_ascii_digit() || c == '.') || code.is_empty() {
        return Ok(None);
    }
    let path = dir.join("p").join(format!("{code}.json"));
    match fs::read_to_string(&path) {
        Ok(text) => serde_json::from_str(&text).map(Some).map_err(|e| Failure::Request(format!("{} bị hỏng: {e}", path.display()))),
        Err(_) => Ok(None),
    }
}

fn import(args: &mut Args) -> Result<(), Failure> {
    let data = args.next_positional().ok_or_else(|| Failure::Usage("thiếu THƯ_MỤC_DỮ_LIỆU".into()))?;
    let out = PathBuf::from(args.option("out")?.unwrap_or_else(|| "public/catalogue".into()));
    args.finish()?;
    let data = PathBuf::from(data);
    let overrides = Overrides::bundled().map_err(Failure::Request)?;
    // Every source found under the data folder, or the one source the folder is.
    let mut found: Vec<(&Source, PathBuf)> = SOURCES.iter().filter(|s| data.join(s.id).is_dir()).map(|s| (s, data.join(s.id))).collect();
    if found.is_empty() {
        let own = data.file_name().and_then(|n| Source::by_id(&n.to_string_lossy()));
        found = own.map(|s| vec![(s, data.clone())]).unwrap_or_default();
    }
    if found.is_empty() {
        let ids: Vec<&str> = SOURCES.iter().map(|s| s.id).collect();
        return Err(Failure::Request(format!("{} không chứa nguồn dữ liệu nào đã biết ({}).", data.display(), ids.join(", "))));
    }

    let mut procedures: Vec<Procedure> = Vec::new();
    let mut errors: Vec<String> = Vec::new();
    let mut stale: Vec<String> = Vec::new();
    for (source, dir) in &found {
        for (ministry, file) in source_files(source, dir)? {
            let parsed = fs::read_to_string(&file)
                .map_err(|e| e.to_string())
                .and_then(|t| serde_json::from_str::<serde_json::Value>(&t).map_err(|e| e.to_string()))
                .and_then(|v| source.import(&ministry, &v).map_err(|e| format!("{e:?}")));
            match parsed {
                Ok(mut p) => {
                    let code = p.code.clone();
                    for o in overrides.for_code(&code) {
                        stale.extend(o.apply(&mut p));
                    }
                    flag_unread_conditions(&mut p);
                    procedures.push(p);
                }
                Err(e) => errors.push(format!("{}: {e}", file.display())),
            }
        }
    }
    procedures.sort_by(|a, b| a.code.cmp(&b.code));
    let before = procedures.len();
    procedures.dedup_by(|a, b| a.code == b.code);
    if procedures.len() != before {
        errors.push(format!("{} mã thủ tục trùng lặp, giữ bản đầu tiên", before - procedures.len()));
    }

    let version = found[0].0.id.trim_start_matches("tthc-").to_string();
    let source = found.iter().map(|(s, _)| s.describe()).collect::<Vec<_>>().join("; ");
    let index = Index::build(&version, &source, &procedures);

    let p_dir = out.join("p");
    if p_dir.exists() {
        fs::remove_dir_all(&p_dir).map_err(|e| Failure::Request(format!("không xoá được {}: {e}", p_dir.display())))?;
    }
    fs::create_dir_all(&p_dir).map_err(|e| Failure::Request(format!("không tạo được {}: {e}", p_dir.display())))?;
    for p in &procedures {
        write_json(&p_dir.join(format!("{}.json", p.code)), &serde_json::to_string(p).expect("serialisable"))?;
    }
    write_json(&out.join("index.json"), &serde_json::to_string(&index).expect("serialisable"))?;
    let report = report(&procedures, &errors, &stale, &version);
    write_json(&out.join("report.json"), &serde_json::to_string_pretty(&report).expect("serialisable"))?;
    println!("{}", serde_json::to_string_pretty(&report).expect("serialisable"));
    for s in &stale {
        eprintln!("Cảnh báo: sửa lỗi không còn áp dụng được: {s}");
    }
    Ok(())
}

fn report(procedures: &[Procedure], errors: &[String], stale: &[String], version: &str) -> serde_json::Value {
    let mut by_ministry: BTreeMap<&str, serde_json::Value> = BTreeMap::new();
    for m in procedures.iter().map(|p| p.ministry.as_str()) {
        by_ministry.entry(m).or_insert_with(|| {
            let ps: Vec<&Procedure> = procedures.iter().filter(|p| p.ministry == m).collect();
            counts(&ps)
        });
    }
    let all: Vec<&Procedure> = procedures.iter().collect();
    let mut flag_reasons: BTreeMap<String, usize> = BTreeMap::new();
    for p in procedures {
        for f in &p.needs_review {
            // Group by the kind of problem, without the quoted text.
            let kind = f.reason.split(['«', '(']).next().unwrap_or("").trim().trim_end_matches(':').to_string();
            *flag_reasons.entry(format!("{}: {kind}", f.field)).or_default() += 1;
        }
    }
    json!({
        "catalogue_version": version,
        "totals": counts(&all),
        "by_ministry": by_ministry,
        "flags_by_kind": flag_reasons,
        "corrections_applied": procedures.iter().filter(|p| !p.corrections.is_empty()).map(|p| &p.code).collect::<Vec<_>>(),
        "stale_overrides": stale,
        "errors": errors,
    })
}

/// The JSON files of a source, with the ministry each belongs to, in a stable order.
fn source_files(source: &Source, dir: &Path) -> Result<Vec<(String, PathBuf)>, Failure> {
    let json =
        |d: &Path| -> Result<Vec<PathBuf>, Failure> { Ok(read_dir_sorted(d)?.into_iter().filter(|p| p.extension().is_some_and(|e| e == "json")).collect()) };
    match source.layout {
        Layout::MinistryFolders => {
            let mut out = Vec::new();
            let ministries = read_dir_sorted(dir)?.into_iter().filter(|p| p.is_dir() && p.file_name().is_some_and(|n| n != "lists"));
            for m in ministries {
                let name = m.file_name().unwrap().to_string_lossy().to_string();
                out.extend(json(&m)?.into_iter().map(|f| (name.clone(), f)));
            }
            if out.is_empty() {
                return Err(Failure::Request(format!("{} không có thư mục bộ, ngành nào.", dir.display())));
            }
            Ok(out)
        }
        Layout::Flat { dir: sub, ministry } => Ok(json(&dir.join(sub))?.into_iter().map(|f| (ministry.to_string(), f)).collect()),
    }
}

/// The counts shared by `stats` and the import report.
pub fn counts(ps: &[&Procedure]) -> serde_json::Value {
    let n = |f: &dyn Fn(&Procedure) -> bool| ps.iter().filter(|p| f(p)).count();
    json!({
        "procedures": ps.len(),
        "with_channels": n(&|p| !p.channels.is_empty()),
        "with_time_limit": n(&|p| p.channels.iter().any(|c| c.time_unit.is_some())),
        "with_documents": n(&|p| !p.documents.is_empty()),
        "documents": ps.iter().map(|p| p.documents.len()).sum::<usize>(),
        "with_fees": n(&|p| p.channels.iter().any(|c| c.fee_vnd.is_some() || c.fee_other.is_some())),
        "with_paid_fees": n(&|p| p.channels.iter().any(|c| c.fee_vnd.is_some_and(|f| f > 0) || c.fee_other.is_some())),
        "with_exemptions": n(&|p| p.channels.iter().any(|c| !c.exemptions.is_empty())),
        "with_legal_basis": n(&|p| !p.legal_basis.is_empty()),
        "with_results": n(&|p| !p.results.is_empty()),
        "needs_review": n(&|p| !p.needs_review.is_empty()),
        "by_source": by_source(ps),
        "papers": papers(ps),
        "flags": ps.iter().map(|p| p.needs_review.len()).sum::<usize>(),
    })
}

fn stats(args: &mut Args) -> Result<(), Failure> {
    let dir = catalogue_dir(args)?;
    args.finish()?;
    let index = load_index(&dir)?;
    let mut ps = Vec::with_capacity(index.entries.len());
    for e in &index.entries {
        match load_procedure(&dir, e.code())? {
            Some(p) => ps.push(p),
            None => return Err(Failure::Request(format!("Danh mục thiếu tệp của thủ tục {}", e.code()))),
        }
    }
    let refs: Vec<&Procedure> = ps.iter().collect();
    let mut out = counts(&refs);
    out["catalogue_version"] = json!(index.catalogue_version);
    println!("{out}");
    Ok(())
}

fn show(args: &mut Args) -> Result<(), Failure> {
    let code = args.next_positional().ok_or_else(|| Failure::Usage("thiếu MÃ thủ tục, ví dụ: hoso catalogue show 1.001193".into()))?;
    let dir = catalogue_dir(args)?;
    args.finish()?;
    match load_procedure(&dir, code.trim())? {
        Some(p) => {
            println!("{}", serde_json::to_string_pretty(&p).expect("serialisable"));
            Ok(())
        }
        None => {
            Err(Failure::Request(format!("Không có thủ tục mã «{code}» trong danh mục. Hãy kiểm tra lại mã (ví dụ 1.001193) hoặc tìm bằng `hoso search`.")))
        }
    }
}

fn read_dir_sorted(dir: &Path) -> Result<Vec<PathBuf>, Failure> {
    let mut v: Vec<PathBuf> = fs::read_dir(dir)
        .map_err(|e| Failure::Request(format!("Không đọc được thư mục {}: {e}", dir.display())))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    v.sort();
    Ok(v)
}

fn write_json(path: &Path, text: &str) -> Result<(), Failure> {
    fs::write(path, format!("{text}\n")).map_err(|e| Failure::Request(format!("không ghi được {}: {e}", path.display())))
}

/// How many procedures each source gave.
fn by_source(ps: &[&Procedure]) -> BTreeMap<String, usize> {
    let mut by: BTreeMap<String, usize> = BTreeMap::new();
    for p in ps {
        *by.entry(p.source.clone().unwrap_or_else(|| "unknown".into())).or_default() += 1;
    }
    by
}

/// How the papers were read (#16): cases, "(nếu có)", alternatives, data the state holds, short names.
fn papers(ps: &[&Procedure]) -> serde_json::Value {
    let docs: Vec<&Document> = ps.iter().flat_map(|p| &p.documents).collect();
    let n = |f: &dyn Fn(&Document) -> bool| docs.iter().filter(|d| f(d)).count();
    json!({
        "needed_in_every_case": n(&|d| d.always_needed()),
        "in_a_case_from_the_table": n(&|d| d.condition.is_some()),
        "in_a_case_from_their_text": n(&|d| d.when.is_some()),
        "if_the_person_has_one": n(&|d| d.if_any),
        "with_alternatives": n(&|d| !d.any_of.is_empty()),
        "state_holds_the_data": n(&|d| d.state_holds),
        "paper_copy_spared_when_held": n(&|d| d.paper_spared),
        "needed_anyway_by_review": n(&|d| d.needed_anyway.is_some()),
        "short_name_by_rule": n(&|d| !d.short_by_hand && d.short != d.name),
        "short_name_by_hand": n(&|d| d.short_by_hand),
        "name_short_already": n(&|d| !d.short_by_hand && d.short == d.name),
        "case_unread": n(&|d| unread_case(d).is_some()),
    })
}
