//! Search in people's words, measured on the everyday queries of `tests/data/search-queries.json`
//! (each with the procedure the person means) over the committed catalogue.

use hoso::core::catalogue::Index;
use hoso::core::search::{Hit, Query, SearchIndex};

struct Case {
    query: String,
    wanted: Vec<String>,
    listed: bool,
}

fn load() -> (Index, Vec<Case>) {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let index: Index = serde_json::from_str(&std::fs::read_to_string(root.join("public/catalogue/index.json")).unwrap()).unwrap();
    let data: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(root.join("tests/data/search-queries.json")).unwrap()).unwrap();
    let cases = data["queries"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            let mut wanted = vec![c["expect"].as_str().unwrap().to_string()];
            wanted.extend(c["or"].as_array().into_iter().flatten().map(|v| v.as_str().unwrap().to_string()));
            Case { query: c["query"].as_str().unwrap().to_string(), wanted, listed: c["listed"] == true }
        })
        .collect();
    (index, cases)
}

/// The rank (1-based) of the first result that is the wanted procedure or has it beside it
/// (the same procedure at another level).
fn rank(index: &Index, hits: &[Hit], wanted: &[String]) -> Option<usize> {
    hits.iter().position(|h| std::iter::once(h.entry).chain(h.also.iter().copied()).any(|e| wanted.iter().any(|w| w == index.entries[e].code()))).map(|r| r + 1)
}

#[test]
fn everyday_queries_find_what_people_mean() {
    let (index, cases) = load();
    assert!(cases.len() >= 150, "the list must hold at least 150 queries");
    let search = SearchIndex::new(&index);
    let (mut top1, mut top3) = (0, 0);
    let mut misses = Vec::new();
    let mut listed_misses = Vec::new();
    for c in &cases {
        let hits = search.search(&Query { text: &c.query, field: None, level: None, limit: 10 });
        let r = rank(&index, &hits, &c.wanted);
        top1 += (r == Some(1)) as usize;
        top3 += r.is_some_and(|r| r <= 3) as usize;
        if r.is_none_or(|r| r > 3) {
            let first = hits.first().map_or("—".to_string(), |h| format!("{} {}", index.entries[h.entry].code(), index.entries[h.entry].name()));
            misses.push(format!("«{}» wants {} (rank {:?}); first: {first}", c.query, c.wanted[0], r));
            if c.listed {
                listed_misses.push(c.query.clone());
            }
        }
    }
    let n = cases.len() as f64;
    let (p1, p3) = (top1 as f64 / n, top3 as f64 / n);
    println!("top-1 {top1}/{} ({:.1}%), top-3 {top3}/{} ({:.1}%)", cases.len(), p1 * 100.0, cases.len(), p3 * 100.0);
    for m in &misses {
        println!("  {m}");
    }
    assert!(listed_misses.is_empty(), "not in the top 3: {listed_misses:?}");
    assert!(p3 >= 0.90, "top-3 {:.1}% < 90%", p3 * 100.0);
    assert!(p1 >= 0.70, "top-1 {:.1}% < 70%", p1 * 100.0);
}

fn codes(search: &SearchIndex, index: &Index, text: &str, limit: usize) -> Vec<String> {
    search.search(&Query { text, field: None, level: None, limit }).iter().map(|h| index.entries[h.entry].code().to_string()).collect()
}

#[test]
fn a_misspelt_word_is_read_as_the_closest_catalogue_word_and_suggested() {
    let (index, _) = load();
    let search = SearchIndex::new(&index);
    assert_eq!(codes(&search, &index, "dang ky ket hno", 1), ["1.000894"]);
    assert_eq!(codes(&search, &index, "khai sinhh cho con", 1), ["1.001193"]);
    assert_eq!(search.suggestion(&index, "dang ky ket hno").as_deref(), Some("dang ky ket hôn"));
    assert_eq!(search.suggestion(&index, "giấy khai sinhh").as_deref(), Some("giấy khai sinh"));
    // Words the catalogue has, words the lexicon knows, and a word still being typed: nothing to suggest.
    assert_eq!(search.suggestion(&index, "đăng ký khai sinh"), None);
    assert_eq!(search.suggestion(&index, "mất bằng lái"), None);
    assert_eq!(search.suggestion(&index, "dang ky khai si"), None);
    // Nothing near: no suggestion, and no result rather than a wrong one.
    assert_eq!(search.suggestion(&index, "zzzz qqqq"), None);
    assert!(codes(&search, &index, "zzzz qqqq", 5).is_empty());
}

#[test]
fn one_procedure_at_several_levels_is_one_result_with_the_others_beside_it() {
    let (index, _) = load();
    let search = SearchIndex::new(&index);
    let hits = search.search(&Query { text: "cấp lại thẻ căn cước", field: None, level: None, limit: 5 });
    let code = |e: usize| index.entries[e].code();
    // The commune's is the one a person goes to; the province's and the ministry's are beside it.
    assert_eq!(code(hits[0].entry), "1.014064");
    let mut also: Vec<&str> = hits[0].also.iter().map(|&e| code(e)).collect();
    also.sort();
    assert_eq!(also, ["1.000757", "2.001194"]);
    assert!(hits.iter().skip(1).all(|h| !["1.000757", "2.001194"].contains(&code(h.entry))));
}

#[test]
fn what_a_person_may_apply_for_comes_before_what_only_a_business_does() {
    let (index, _) = load();
    let search = SearchIndex::new(&index);
    // Both are "cấp lại … lái xe … bị mất"; the driving school's permit is not the citizen's licence.
    let found = codes(&search, &index, "lam lai bang lai xe bi mat", 3);
    assert_eq!(found[0], "3.000348");
    let school = found.iter().position(|c| c == "1.005210");
    assert!(school.is_none_or(|p| p > 0));
}

#[test]
fn the_search_says_how_it_read_the_query() {
    let (index, _) = load();
    let search = SearchIndex::new(&index);
    let told: Vec<(&str, &str)> = search.understood("mat bang lai xe").iter().map(|e| (e.says, e.means)).collect();
    assert_eq!(told, [("mất", "cấp lại"), ("bằng lái xe", "giấy phép lái xe")]);
    assert!(search.understood("đăng ký khai sinh").is_empty());
}
