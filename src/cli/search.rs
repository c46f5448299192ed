//! `hoso search "QUERY"`: the same search as the app's search box.

use crate::args::Args;
use crate::catalogue::{catalogue_dir, load_index};
use crate::Failure;
use hoso::core::search::{Query, SearchIndex};
use hoso::core::text::fold;
use serde_json::json;

pub const HELP: &str = "\
  search \"CÂU TÌM\" [--limit N] [--field LĨNH_VỰC] [--level CẤP]
                                 Tìm thủ tục theo cách nói thường ngày, có dấu hay không dấu (JSON)
";

pub fn run(args: &mut Args) -> Result<(), Failure> {
    let text = args.next_positional().ok_or_else(|| Failure::Usage("thiếu câu tìm, ví dụ: hoso search \"làm giấy khai sinh\"".into()))?;
    let limit = match args.option("limit")? {
        Some(v) => v.parse::<usize>().ok().filter(|n| (1..=1000).contains(n)).ok_or_else(|| Failure::Usage("--limit cần một số từ 1 đến 1000".into()))?,
        None => 10,
    };
    let field = args.option("field")?;
    let level = args.option("level")?;
    let dir = catalogue_dir(args)?;
    args.finish()?;
    let index = load_index(&dir)?;
    let pick = |list: &[String], wanted: Option<String>, what: &str| -> Result<Option<usize>, Failure> {
        let Some(w) = wanted else { return Ok(None) };
        list.iter()
            .position(|x| fold(x) == fold(&w))
            .map(Some)
            .ok_or_else(|| Failure::Request(format!("Không có {what} «{w}». Các giá trị có: {}", list.join("; "))))
    };
    let field = pick(&index.fields, field, "lĩnh vực")?.map(|i| i as u16);
    let level = pick(&index.levels, level, "cấp thực hiện")?.map(|i| i as u8);
    let search = SearchIndex::new(&index);
    let hits = search.search(&Query { text: &text, field, level, limit });
    let out: Vec<_> = hits
        .iter()
        .map(|h| {
            let e = &index.entries[h.entry];
            let also: Vec<&str> = h.also.iter().map(|&o| index.entries[o].code()).collect();
            json!({ "code": e.code(), "name": e.name(), "score": (h.score as f64 * 1000.0).round() / 1000.0, "also": also })
        })
        .collect();
    println!("{}", serde_json::to_string_pretty(&out).expect("serialisable"));
    Ok(())
}
