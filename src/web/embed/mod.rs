//! Embedding in partner portals (contracts 4.5): `mount(element, options)` for the JS API, the
//! `<front-door-triage>` custom element (`www/element.js`, built on `mount`) and the iframe
//! page (`www/embed.js`, also built on `mount`).

mod element;
mod mount;
mod options;

pub use mount::{mount, MountHandle};
