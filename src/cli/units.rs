//! `hoso units …`: the 34 provinces and 3,321 communes in force since 1 July 2025.

use std::path::{Path, PathBuf};

use crate::args::Args;
use crate::Failure;
use hoso::core::units::{OldToNew, Resolution, Units};
use serde_json::json;

pub const HELP: &str = "\
  units import TỆP_GSO [--out public/units/2025.json] [--legacy TỆP_63_TỈNH --converter TỆP_CHUYỂN_ĐỔI]
                                 Dựng danh mục đơn vị hành chính từ danh sách GSO (divisions-nested.json);
                                 với --legacy và --converter, dựng cả bảng đổi địa chỉ cũ sang mới
  units convert \"ĐỊA CHỈ CŨ\"     Đổi địa chỉ 3 cấp cũ (xã, huyện, tỉnh) sang xã, phường mới (JSON)
  units stats                    Số tỉnh, xã, phường, đặc khu (JSON)
  units search \"TÊN\" [--province MÃ] [--limit N]
                                 Tìm xã, phường theo tên, có dấu hay không dấu (JSON)
";

pub fn run(args: &mut Args) -> Result<(), Failure> {
    let sub = args.next_positional().ok_or_else(|| Failure::Usage("thiếu lệnh con: import, stats hoặc search".into()))?;
    match sub.as_str() {
        "import" => import(args),
        "stats" => stats(args),
        "search" => search(args),
        "convert" => convert(args),
        other => Err(Failure::Usage(format!("`units {other}` không tồn tại; dùng import, stats, search hoặc convert"))),
    }
}

fn units_file(args: &mut Args) -> Result<PathBuf, Failure> {
    if let Some(f) = args.option("units")? {
        return Ok(PathBuf::from(f));
    }
    let here = PathBuf::from("public/units/2025.json");
    Ok(if here.exists() { here } else { Path::new(env!("CARGO_MANIFEST_DIR")).join("public/units/2025.json") })
}

/// The units named by `--units FILE`, or the app's own.
pub fn from_args(args: &mut Args) -> Result<Units, Failure> {
    load(&units_file(args)?)
}

fn load(path: &Path) -> Result<Units, Failure> {
    let text =
        std::fs::read_to_string(path).map_err(|e| Failure::Request(format!("Không đọc được {}: {e}. Hãy chạy `hoso units import` trước.", path.display())))?;
    serde_json::from_str(&text).map_err(|e| Failure::Request(format!("{} bị hỏng: {e}", path.display())))
}

fn import(args: &mut Args) -> Result<(), Failure> {
    let src = args.next_positional().ok_or_else(|| Failure::Usage("thiếu TỆP_GSO".into()))?;
    let out = PathBuf::from(args.option("out")?.unwrap_or_else(|| "public/units/2025.json".into()));
    let version = args.option("version")?.unwrap_or_else(|| "2025-10-18".into());
    let legacy = args.option("legacy")?;
    let converter = args.option("converter")?;
    args.finish()?;
    let text = std::fs::read_to_string(&src).map_err(|e| Failure::Request(format!("Không đọc được {src}: {e}")))?;
    let value: serde_json::Value = serde_json::from_str(&text).map_err(|e| Failure::Request(format!("{src} không phải JSON: {e}")))?;
    let units = Units::from_gso(&version, &value).map_err(|e| Failure::Request(format!("{src}: {e}")))?;
    if let Some(dir) = out.parent() {
        std::fs::create_dir_all(dir).map_err(|e| Failure::Request(e.to_string()))?;
    }
    std::fs::write(&out, format!("{}\n", serde_json::to_string(&units).expect("serialisable"))).map_err(|e| Failure::Request(e.to_string()))?;
    print_stats(&units);
    if let (Some(legacy), Some(converter)) = (legacy, converter) {
        let read = |f: &str| -> Result<serde_json::Value, Failure> {
            let t = std::fs::read_to_string(f).map_err(|e| Failure::Request(format!("Không đọc được {f}: {e}")))?;
            serde_json::from_str(&t).map_err(|e| Failure::Request(format!("{f} không phải JSON: {e}")))
        };
        let (table, unresolved) = OldToNew::build(&version, &units, &read(&legacy)?, &read(&converter)?).map_err(Failure::Request)?;
        let path = out.with_file_name("old-to-new-2025.json");
        std::fs::write(&path, format!("{}\n", serde_json::to_string(&table).expect("serialisable"))).map_err(|e| Failure::Request(e.to_string()))?;
        let divided = table.units.iter().filter(|u| u.to.len() > 1).count();
        println!("{}", json!({"old_units": table.units.len(), "divided": divided, "unresolved": unresolved.len()}));
        for u in unresolved.iter().take(20) {
            eprintln!("Cảnh báo: {u}");
        }
    }
    Ok(())
}

fn convert(args: &mut Args) -> Result<(), Failure> {
    let address = args.next_positional().ok_or_else(|| Failure::Usage("thiếu ĐỊA CHỈ CŨ, ví dụ: \"Phường 9, Quận 5, TP. Hồ Chí Minh\"".into()))?;
    let (units, table) = with_old_to_new(args)?;
    let conversion = table.candidates(&address, &units);
    if conversion.found.is_empty() {
        return Err(Failure::Request(format!(
            "Không tìm thấy đơn vị cũ «{address}». Hãy ghi đủ xã/phường, huyện/quận, tỉnh/thành phố, cách nhau bằng dấu phẩy."
        )));
    }
    let out: Vec<_> = conversion
        .found
        .iter()
        .map(|(u, new)| {
            json!({
                "old": {"ward": u.ward, "district": u.district, "province": u.province},
                "new": new.iter().map(|c| json!({"code": c.code, "name": c.name, "province": c.province})).collect::<Vec<_>>(),
                "default_code": u.default,
                "needs_choice": u.to.len() > 1,
            })
        })
        .collect();
    println!("{}", serde_json::to_string_pretty(&out).expect("serialisable"));
    Ok(())
}

/// The 2025 units (`--units`) and the old→new table beside them; ends the command line.
pub fn with_old_to_new(args: &mut Args) -> Result<(Units, OldToNew), Failure> {
    let path = units_file(args)?;
    args.finish()?;
    let units = load(&path)?;
    let table_path = path.with_file_name("old-to-new-2025.json");
    let text = std::fs::read_to_string(&table_path).map_err(|e| Failure::Request(format!("Không đọc được {}: {e}", table_path.display())))?;
    let table: OldToNew = serde_json::from_str(&text).map_err(|e| Failure::Request(format!("{} bị hỏng: {e}", table_path.display())))?;
    Ok((units, table))
}

fn stats(args: &mut Args) -> Result<(), Failure> {
    let path = units_file(args)?;
    args.finish()?;
    print_stats(&load(&path)?);
    Ok(())
}

fn print_stats(u: &Units) {
    let (provinces, communes, xa, phuong, dac_khu) = u.stats();
    println!("{}", json!({"provinces": provinces, "communes": communes, "xa": xa, "phuong": phuong, "dac_khu": dac_khu, "version": u.version}));
}

fn search(args: &mut Args) -> Result<(), Failure> {
    let text = args.next_positional().ok_or_else(|| Failure::Usage("thiếu TÊN cần tìm".into()))?;
    let province = match args.option("province")? {
        Some(p) => Some(p.parse::<u32>().map_err(|_| Failure::Usage("--province cần mã tỉnh (số)".into()))?),
        None => None,
    };
    let limit = match args.option("limit")? {
        Some(v) => v.parse::<usize>().ok().filter(|n| *n >= 1).ok_or_else(|| Failure::Usage("--limit cần một số nguyên dương".into()))?,
        None => 20,
    };
    let path = units_file(args)?;
    args.finish()?;
    let units = load(&path)?;
    let ambiguous = matches!(units.resolve(&text, province), Resolution::Choose(_));
    let out: Vec<_> = units
        .search(&text, province, limit)
        .iter()
        .map(|f| json!({"code": f.commune.code, "name": f.commune.name, "kind": f.commune.kind, "province": f.province.name, "province_code": f.province.code, "exact": f.exact, "needs_choice": ambiguous}))
        .collect();
    println!("{}", serde_json::to_string_pretty(&out).expect("serialisable"));
    Ok(())
}
