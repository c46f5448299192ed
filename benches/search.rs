//! Native search benchmark: median and p95 latency per realistic query over the full catalogue,
//! and top-3 relevance. Prints figures; asserts nothing. Run: `bash scripts/bench.sh search`.

use std::time::Instant;

use hoso::core::catalogue::Index;
use hoso::core::search::{Query, SearchIndex};

fn main() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let index: Index = serde_json::from_str(&std::fs::read_to_string(root.join("public/catalogue/index.json")).unwrap()).unwrap();
    let queries: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(root.join("tests/data/search-queries.json")).unwrap()).unwrap();

    let t = Instant::now();
    let search = SearchIndex::new(&index);
    println!("native: index of {} procedures prepared in {:.1} ms", index.entries.len(), t.elapsed().as_secs_f64() * 1e3);
    println!("{:<36} {:>10} {:>10}  top-3", "query", "median µs", "p95 µs");
    let mut all = Vec::new();
    let (mut top1, mut top3) = (0, 0);
    let cases = queries["queries"].as_array().unwrap();
    for case in cases {
        let q = case["query"].as_str().unwrap();
        let mut wanted = vec![case["expect"].as_str().unwrap()];
        wanted.extend(case["or"].as_array().into_iter().flatten().filter_map(|v| v.as_str()));
        let mut times = Vec::with_capacity(200);
        let mut hits = Vec::new();
        for _ in 0..200 {
            let t = Instant::now();
            hits = search.search(&Query { text: q, field: None, level: None, limit: 10 });
            times.push(t.elapsed().as_secs_f64() * 1e6);
        }
        times.sort_by(f64::total_cmp);
        let right: Vec<bool> =
            hits.iter().map(|h| std::iter::once(h.entry).chain(h.also.iter().copied()).any(|e| wanted.contains(&index.entries[e].code()))).collect();
        let found = right.iter().take(3).any(|&r| r);
        top1 += right.first().copied().unwrap_or(false) as usize;
        top3 += found as usize;
        println!("{:<36} {:>10.1} {:>10.1}  {}", q, times[100], times[189], if found { "yes" } else { "no" });
        all.extend(times);
    }
    all.sort_by(f64::total_cmp);
    println!(
        "native overall: median {:.1} µs, p95 {:.1} µs; top-1 {}/{}, top-3 {}/{}",
        all[all.len() / 2],
        all[all.len() * 95 / 100],
        top1,
        cases.len(),
        top3,
        cases.len()
    );
}
