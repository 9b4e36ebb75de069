//! The import rule of ARCHITECTURE.md, checked by reading the source: each layer uses only
//! the layers before it (vocabulary and order ← problem ← guidance ← engine ← record ← flow ← web ←
//! studio, with authoring beside flow), so no module cycle can form between layers; `web`
//! and `authoring` are used by the studio alone (the CLI uses authoring from outside the
//! layers, as `main.rs`); inside the
//! engine, its modules import each other without a cycle and never their parent's items.
//! Code paths are the layers' own (`crate::engine::case::Case`), never the re-exports
//! `lib.rs` keeps for callers outside the crate.

use crate::support::manifest_dir;
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// Each layer and its place: a layer may use a layer with a smaller number. Flow and
/// authoring share a place, so neither uses the other.
const LAYERS: [(&str, u8); 10] = [
    ("vocabulary", 0),
    ("order", 0),
    ("problem", 1),
    ("guidance", 2),
    ("engine", 3),
    ("record", 4),
    ("flow", 5),
    ("authoring", 5),
    ("web", 6),
    // The guidance studio (issue 15): the policy lead's editor, over the CLI's authoring
    // tools and the web layer's widget; its own wasm, so the triage app never carries it.
    ("studio", 7),
];

/// Layers that only some layers may use, whatever their place: the browser app and the
/// authoring tools are for the studio alone (deliberately: issue 15 made it the second
/// user of `authoring`, after the CLI).
const ONLY_FOR: [(&str, &[&str]); 2] = [("web", &["studio"]), ("authoring", &["studio"])];

fn rank(layer: &str) -> Option<u8> {
    LAYERS.iter().find(|(l, _)| *l == layer).map(|(_, r)| *r)
}

/// The code of a Rust file without its comments (line comments and doc comments), enough
/// to find its paths: no string in this crate holds `crate::`.
fn code_of(text: &str) -> String {
    text.lines()
        .map(|line| match line.find("//") {
            Some(i) => &line[..i],
            None => line,
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The first segment after each `crate::` (and each item of `crate::{…}`), and after each
/// `super::`, with what follows it.
fn paths(code: &str, prefix: &str) -> Vec<Vec<String>> {
    let mut out = Vec::new();
    let mut rest = code;
    while let Some(i) = rest.find(prefix) {
        let before = rest[..i].chars().last();
        rest = &rest[i + prefix.len()..];
        if before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == ':') {
            continue;
        }
        if let Some(group) = rest.strip_prefix('{') {
            let mut depth = 1;
            let end = group
                .char_indices()
                .find(|&(_, c)| {
                    depth += match c {
                        '{' => 1,
                        '}' => -1,
                        _ => 0,
                    };
                    depth == 0
                })
                .map_or(group.len(), |(j, _)| j);
            for item in split_top_level(&group[..end]) {
                out.push(segments(&item));
            }
        } else {
            out.push(segments(rest));
        }
    }
    out
}

fn split_top_level(group: &str) -> Vec<String> {
    let (mut items, mut depth, mut current) = (Vec::new(), 0, String::new());
    for c in group.chars() {
        match c {
            '{' => depth += 1,
            '}' => depth -= 1,
            ',' if depth == 0 => {
                items.push(std::mem::take(&mut current));
                continue;
            }
            _ => {}
        }
        current.push(c);
    }
    items.push(current);
    items.into_iter().filter(|s| !s.trim().is_empty()).collect()
}

fn segments(path: &str) -> Vec<String> {
    path.trim_start()
        .split("::")
        .map(|s| {
            s.chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect::<String>()
        })
        .take_while(|s| !s.is_empty())
        .collect()
}

/// Every `.rs` file under `src/`, by its path from `src/`.
fn sources() -> BTreeMap<String, String> {
    fn walk(dir: &Path, root: &Path, out: &mut BTreeMap<String, String>) {
        for entry in std::fs::read_dir(dir).unwrap().flatten() {
            let path = entry.path();
            if path.is_dir() {
                walk(&path, root, out);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let rel = path
                    .strip_prefix(root)
                    .unwrap()
                    .to_string_lossy()
                    .replace('\\', "/");
                out.insert(rel, std::fs::read_to_string(&path).unwrap());
            }
        }
    }
    let root = manifest_dir().join("src");
    let mut out = BTreeMap::new();
    walk(&root, &root, &mut out);
    out
}

/// `engine/facts.rs` → `engine`; `vocabulary.rs` → `vocabulary`; the crate root and the
/// binaries (`main.rs`, `bin/`), which use the library from outside → none.
fn layer_of(file: &str) -> Option<&str> {
    match file.split_once('/') {
        Some(("bin", _)) => None,
        Some((layer, _)) => Some(layer),
        None => file
            .strip_suffix(".rs")
            .filter(|f| !matches!(*f, "lib" | "main")),
    }
}

/// Everything wrong with one file's paths, as "file: uses …" lines.
fn layer_problems(file: &str, text: &str) -> Vec<String> {
    let Some(layer) = layer_of(file) else {
        return Vec::new();
    };
    let Some(own) = rank(layer) else {
        return vec![format!(
            "{file}: `{layer}` is not a layer of ARCHITECTURE.md"
        )];
    };
    let mut problems = Vec::new();
    for path in paths(&code_of(text), "crate::") {
        let Some(first) = path.first() else { continue };
        match rank(first) {
            None => problems.push(format!(
                "{file}: uses crate::{}, a re-export; use the layer's own path",
                path.join("::")
            )),
            Some(r) if first != layer && r >= own => problems.push(format!(
                "{file}: the {layer} layer uses crate::{}, which is not before it",
                path.join("::")
            )),
            Some(_)
                if first != layer
                    && ONLY_FOR
                        .iter()
                        .any(|(l, users)| l == first && !users.contains(&layer)) =>
            {
                problems.push(format!(
                    "{file}: the {layer} layer uses crate::{}, which only the studio may use",
                    path.join("::")
                ))
            }
            Some(_) => {}
        }
    }
    problems
}

/// The engine's modules: each one's imports of its siblings, and any use of items of the
/// engine's own `mod.rs` (which would close a cycle through the parent).
fn engine_graph(
    files: &BTreeMap<String, String>,
) -> (BTreeMap<String, BTreeSet<String>>, Vec<String>) {
    let modules: BTreeSet<String> = files
        .keys()
        .filter_map(|f| f.strip_prefix("engine/")?.strip_suffix(".rs"))
        .filter(|m| *m != "mod")
        .map(str::to_string)
        .collect();
    let mut edges = BTreeMap::new();
    let mut problems = Vec::new();
    for m in &modules {
        let code = code_of(&files[&format!("engine/{m}.rs")]);
        let mut uses = BTreeSet::new();
        let engine_paths = paths(&code, "crate::")
            .into_iter()
            .filter(|p| p.first().is_some_and(|s| s == "engine"))
            .map(|p| p[1..].to_vec());
        for path in engine_paths.chain(paths(&code, "super::")) {
            let Some(first) = path.first() else { continue };
            if modules.contains(first) {
                if first != m {
                    uses.insert(first.clone());
                }
            } else {
                problems.push(format!(
                    "engine/{m}.rs: uses the engine's own item `{first}`; import it from its module"
                ));
            }
        }
        edges.insert(m.clone(), uses);
    }
    (edges, problems)
}

/// A cycle in `edges`, as its modules in order, if there is one.
fn find_cycle(edges: &BTreeMap<String, BTreeSet<String>>) -> Option<Vec<String>> {
    fn visit(
        node: &str,
        edges: &BTreeMap<String, BTreeSet<String>>,
        done: &mut BTreeSet<String>,
        stack: &mut Vec<String>,
    ) -> Option<Vec<String>> {
        if let Some(i) = stack.iter().position(|s| s == node) {
            let mut cycle = stack[i..].to_vec();
            cycle.push(node.to_string());
            return Some(cycle);
        }
        if !done.insert(node.to_string()) {
            return None;
        }
        stack.push(node.to_string());
        for next in edges.get(node).into_iter().flatten() {
            if let Some(c) = visit(next, edges, done, stack) {
                return Some(c);
            }
        }
        stack.pop();
        None
    }
    let mut done = BTreeSet::new();
    edges
        .keys()
        .find_map(|n| visit(n, edges, &mut done, &mut Vec::new()))
}

#[test]
fn each_layer_uses_only_the_layers_before_it() {
    let files = sources();
    assert!(
        files.len() > 40,
        "read the source tree ({} files)",
        files.len()
    );
    let problems: Vec<String> = files
        .iter()
        .flat_map(|(f, text)| layer_problems(f, text))
        .collect();
    assert!(
        problems.is_empty(),
        "the import rule is broken:\n{}",
        problems.join("\n")
    );
}

#[test]
fn the_engine_modules_have_no_cycle() {
    let (edges, problems) = engine_graph(&sources());
    assert!(edges.len() >= 5, "found the engine's modules: {edges:?}");
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    assert_eq!(
        find_cycle(&edges),
        None,
        "engine modules import each other in a cycle"
    );
}

#[test]
fn the_browser_build_leaves_the_authoring_tools_out() {
    let lib = std::fs::read_to_string(manifest_dir().join("src/lib.rs")).unwrap();
    assert!(
        lib.contains("#[cfg(feature = \"authoring\")]\npub mod authoring;"),
        "src/lib.rs compiles `authoring` only with its feature"
    );
}

#[test]
fn the_checks_catch_what_they_are_for() {
    // A lower layer using a higher one, a re-export, and a grouped import.
    assert_eq!(
        layer_problems("guidance/x.rs", "use crate::engine::case::Case;").len(),
        1
    );
    assert_eq!(layer_problems("engine/x.rs", "use crate::Case;").len(), 1);
    assert_eq!(
        layer_problems(
            "flow/x.rs",
            "use crate::{vocabulary::Pathway, authoring::lint};"
        )
        .len(),
        1
    );
    assert!(layer_problems(
        "web/x.rs",
        "// crate::authoring in a comment\nuse crate::flow::Step;"
    )
    .is_empty());
    assert!(layer_problems("engine/x.rs", "use crate::engine::case::{Case, Child};").is_empty());
    // Engine modules: a cycle, and a child using its parent's item.
    let files: BTreeMap<String, String> = [
        ("engine/mod.rs", "pub fn evaluate() {}"),
        ("engine/a.rs", "use super::b::B;"),
        ("engine/b.rs", "use crate::engine::a::A;"),
        ("engine/c.rs", "use super::evaluate;"),
    ]
    .into_iter()
    .map(|(f, t)| (f.to_string(), t.to_string()))
    .collect();
    let (edges, problems) = engine_graph(&files);
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(find_cycle(&edges).is_some());
}
