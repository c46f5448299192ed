//! Checks the declaration form definitions (`src/core/forms/defs/*.json`) when the project
//! builds: a broken definition fails the build, not the citizen.

#[allow(dead_code)]
#[path = "src/core/forms/model.rs"]
mod model;

use std::fs;

fn main() {
    println!("cargo::rerun-if-changed=src/core/forms/defs");
    println!("cargo::rerun-if-changed=src/core/forms/model.rs");
    println!("cargo::rerun-if-changed=src/core/forms/registry.rs");
    let registry = fs::read_to_string("src/core/forms/registry.rs").expect("registry.rs");
    let mut problems = Vec::new();
    let mut ids = Vec::new();
    let mut files: Vec<_> = fs::read_dir("src/core/forms/defs").expect("defs folder").filter_map(|e| e.ok().map(|e| e.path())).collect();
    files.sort();
    for path in files.iter().filter(|p| p.extension().is_some_and(|e| e == "json")) {
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        if !registry.contains(&format!("\"defs/{name}\"")) {
            problems.push(format!("{name}: not listed in registry.rs DEFS"));
        }
        let text = fs::read_to_string(path).expect("readable");
        let raw: serde_json::Value = match serde_json::from_str(&text) {
            Ok(v) => v,
            Err(e) => {
                problems.push(format!("{name}: not JSON: {e}"));
                continue;
            }
        };
        match serde_json::from_value::<model::FormDef>(raw) {
            Ok(def) => {
                if ids.contains(&def.id) {
                    problems.push(format!("{name}: duplicate form id {}", def.id));
                }
                ids.push(def.id.clone());
                problems.extend(def.check().into_iter().map(|p| format!("{name}: {p}")));
            }
            Err(e) => problems.push(format!("{name}: {e}")),
        }
    }
    if !problems.is_empty() {
        panic!("\n\nBroken declaration form definitions:\n  - {}\n\n", problems.join("\n  - "));
    }
}
