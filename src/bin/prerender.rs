//! `prerender OUT`: writes the standalone app's start page, rendered by the app's own view
//! code from the built-in guidance, to OUT. `scripts/post-build.mjs` puts it in
//! `index.html`.

use std::process::ExitCode;

fn main() -> ExitCode {
    let Some(out) = std::env::args_os().nth(1) else {
        eprintln!("usage: prerender OUT.html");
        return ExitCode::from(2);
    };
    let html = match front_door_triage::web::prerender::start_page() {
        Ok(html) => html,
        Err(e) => {
            eprintln!("prerender: the built-in guidance does not load:\n{e}");
            return ExitCode::FAILURE;
        }
    };
    if let Err(e) = std::fs::write(&out, html) {
        eprintln!("prerender: cannot write {}: {e}", out.to_string_lossy());
        return ExitCode::FAILURE;
    }
    ExitCode::SUCCESS
}
