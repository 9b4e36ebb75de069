//! The list of guidance files a deployment ships (`www/guidance/index.json`). Users choose
//! from it; they can never type a URL, so a link cannot point the app at other guidance.

use crate::problem::{parse_json, Problem};
use serde::Deserialize;

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Manifest {
    #[serde(default)]
    pub about: String,
    pub guidance: Vec<ManifestEntry>,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ManifestEntry {
    /// A file name in the same folder: no paths, no URLs.
    pub file: String,
    pub name: String,
}

impl Manifest {
    pub fn from_json(text: &str) -> Result<Manifest, Problem> {
        let m: Manifest = parse_json(text)?;
        for (i, e) in m.guidance.iter().enumerate() {
            let plain = e.file.ends_with(".json")
                && e.file
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
                && !e.file.starts_with('.');
            if !plain {
                return Err(Problem::new(
                    format!("$.guidance[{i}].file"),
                    format!("'{}' must be a .json file name in the same folder", e.file),
                ));
            }
        }
        if m.guidance.is_empty() {
            return Err(Problem::new("$.guidance", "the list is empty"));
        }
        Ok(m)
    }

    pub fn entry(&self, file: &str) -> Option<&ManifestEntry> {
        self.guidance.iter().find(|e| e.file == file)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_manifest_lists_loadable_files() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/www/guidance/");
        let m = Manifest::from_json(&std::fs::read_to_string(format!("{dir}index.json")).unwrap())
            .unwrap();
        assert_eq!(
            m.guidance[0].file, "default.json",
            "the compiled-in file comes first"
        );
        for e in &m.guidance {
            let text = std::fs::read_to_string(format!("{dir}{}", e.file)).unwrap();
            crate::guidance::Guidance::from_json(&text)
                .unwrap_or_else(|err| panic!("{}: {err}", e.file));
        }
    }

    #[test]
    fn urls_and_paths_are_refused() {
        for bad in [
            "https://evil.example/g.json",
            "../secret.json",
            "/etc/x.json",
            ".hidden.json",
            "a/b.json",
        ] {
            let text = format!(r#"{{"guidance": [{{"file": "{bad}", "name": "x"}}]}}"#);
            let err = Manifest::from_json(&text).unwrap_err();
            assert_eq!(err.path, "$.guidance[0].file", "{bad}");
        }
    }
}
