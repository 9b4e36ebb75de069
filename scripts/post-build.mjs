// Trunk post_build hook. Runs on the staging directory before it replaces dist/.
// 1. Trunk inlines a module <script> that loads the wasm; the strict CSP forbids inline
//    script (trunk-rs/trunk#288), so it is replaced by <script src="boot.js">.
// 2. The static fallback in index.html is filled from the default guidance, so the phone
//    numbers people see without the app are the ones the app itself would show, and the
//    start page the app draws first is rendered into #app (src/web/prerender.rs).
// 3. The wasm-bindgen snippets folder is renamed after its contents, so servers may cache
//    it for a year (deploy/README.md, "What is hashed").
// 4. The service worker gets its precache list and build id.
// 5. Every text file gets precompressed .br and .gz copies beside it, for web servers that
//    serve them (deploy/: nginx gzip_static and brotli_static, Caddy, Apache, IIS).
// 6. The guidance studio (studio.html) is built by a second Trunk run with its own wasm
//    (scripts/build-studio.mjs) and joins the files, outside the service worker's list.
// It fails the build if any inline script or style is left.
import { readFileSync, writeFileSync, readdirSync, statSync, renameSync, mkdtempSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { tmpdir } from "node:os";
import { createHash } from "node:crypto";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import zlib from "node:zlib";
import { buildStudio } from "./build-studio.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const staging = process.env.TRUNK_STAGING_DIR;
if (!staging) {
  console.error("post-build: TRUNK_STAGING_DIR is not set (run through trunk build)");
  process.exit(1);
}
buildStudio(staging, process.env.TRUNK_PROFILE === "release");
const htmlPath = join(staging, "index.html");
let html = readFileSync(htmlPath, "utf8");

const inlineLoader = /<script type="module"[^>]*>\s*import init[\s\S]*?<\/script>/;
if (!inlineLoader.test(html)) {
  console.error("post-build: Trunk's inline loader was not found; has Trunk changed?");
  process.exit(1);
}
html = html.replace(inlineLoader, '<script type="module" src="/boot.js"></script>');

const guidance = JSON.parse(readFileSync(join(root, "www/guidance/default.json"), "utf8"));
const escape = (s) =>
  String(s ?? "").replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const contact = (key) => guidance.contacts[key] ?? {};
const fields = {
  front_door_name: contact("front_door").name,
  front_door_phone: contact("front_door").phone,
  front_door_hours: contact("front_door").hours,
  out_of_hours_name: contact("out_of_hours").name ?? contact("front_door").name,
  out_of_hours_phone: contact("out_of_hours").phone ?? contact("front_door").phone,
  document_url: guidance.document_url ?? "#",
  authority_name: guidance.authority.name,
  demo_notice: guidance.authority.demo ? guidance.authority.demo_notice ?? "" : "",
};
const fill = (text, name) =>
  text.replace(/\{\{(\w+)\}\}/g, (whole, key) => {
    if (!(key in fields)) {
      console.error(`post-build: unknown field ${whole} in ${name}`);
      process.exit(1);
    }
    return escape(fields[key]);
  });
html = fill(html, "index.html");
html = withPrerenderedStartPage(html);
const embedPath = join(staging, "embed.html");
writeFileSync(embedPath, fill(readFileSync(embedPath, "utf8"), "embed.html"));
// The custom element's loading state (www/element.js, a wasm-bindgen snippet) shows the same
// numbers before the wasm has started.
const elementScripts = listFiles(staging).filter((f) => /^snippets\/[^/]+\/www\/element\.js$/.test(f));
if (elementScripts.length !== 1) fail(`post-build: expected one snippets/*/www/element.js, found ${elementScripts.length}`);
for (const f of elementScripts) writeFileSync(join(staging, f), fill(readFileSync(join(staging, f), "utf8"), f));
html = refreshIntegrity(html, elementScripts); // index.html preloads it with its hash

const leftovers = [
  [/<script(?![^>]*\bsrc=)[^>]*>/i, "an inline <script>"],
  [/<style[\s>]/i, "a <style> element"],
  [/\sstyle\s*=/i, "a style= attribute"],
  [/\son[a-z]+\s*=/i, "an on...= handler attribute"],
];
for (const page of ["embed.html", "portal-demo.html", "studio.html"]) {
  checkNoInline(readFileSync(join(staging, page), "utf8"), page);
}
checkNoInline(html, "index.html");
function checkNoInline(text, name) {
  for (const [pattern, what] of leftovers) {
    if (pattern.test(text)) {
      console.error(`post-build: dist/${name} has ${what}; the CSP would block it`);
      process.exit(1);
    }
  }
}
writeFileSync(htmlPath, html);

// 3. wasm-bindgen puts the JS snippets (www/element.js) in snippets/<crate>-<hash>/, but that
//    hash is of the crate's name and version only, so a changed snippet would keep its old
//    address and a year-long cache would keep serving the old file. The folder is renamed
//    after its contents; the import statements in front-door-triage.js, the modulepreload
//    in index.html and its integrity hash follow. The key of the wasm's import object (the
//    module name compiled into the wasm) stays as wasm-bindgen wrote it: it is a name, not
//    an address.
const renamed = hashSnippetFolders();

// 4. The service worker's precache list and build id: every file of the standalone app,
//    hashed together, so a new deployment always replaces the old cache. The studio is not
//    the triage app: a practitioner's browser must never download it.
const files = listFiles(staging)
  .filter((f) => !/^(sw\.js|portal-demo\.|embed|studio)/.test(f) && !f.startsWith(".stage"))
  .filter((f) => !/\.(br|gz)$/.test(f))
  .sort();
const hash = createHash("sha256");
for (const f of files) hash.update(f).update(readFileSync(join(staging, f)));
const swPath = join(staging, "sw.js");
const sw = readFileSync(swPath, "utf8")
  .replace("{{BUILD_ID}}", hash.digest("hex").slice(0, 16))
  .replace("{{PRECACHE}}", JSON.stringify(["/", ...files.map((f) => `/${f}`)]));
writeFileSync(swPath, sw);

// 5. Precompressed copies (Node's zlib: brotli quality 11, gzip level 9) of every text file,
//    written last so they match the final files. A copy that would not be smaller (a tiny
//    file) is left out; servers then send the file itself. They are not precached: the
//    service worker's requests are answered with whichever encoding the server picks.
const compressed = await precompress();
console.log(
  `post-build: loader externalised, fallback filled, ${files.length} files precached, ` +
    `snippets ${renamed.join(", ") || "unchanged"}, ${compressed} files precompressed (.br, .gz)`,
);

function hashSnippetFolders() {
  const snippets = join(staging, "snippets");
  let names;
  try {
    names = readdirSync(snippets);
  } catch {
    return []; // no snippets in this build
  }
  const done = [];
  for (const old of names) {
    const crate = old.match(/^(.+)-[0-9a-f]{16}$/)?.[1];
    if (!crate) fail(`post-build: unexpected snippets folder ${old}; has wasm-bindgen changed?`);
    const digest = createHash("sha256");
    for (const f of listFiles(join(snippets, old)).sort()) {
      digest.update(f).update("\0").update(readFileSync(join(snippets, old, f))).update("\0");
    }
    const name = `${crate}-${digest.digest("hex").slice(0, 16)}`;
    if (name === old) continue;
    renameSync(join(snippets, old), join(snippets, name));
    const changed = [];
    for (const f of listFiles(staging).filter((f) => /\.js$/.test(f) && !f.startsWith("snippets/"))) {
      const text = readFileSync(join(staging, f), "utf8");
      const from = new RegExp(`(\\b(?:from|import)\\s*\\(?\\s*)(['"])\\./snippets/${old}/`, "g");
      const next = text.replace(from, `$1$2./snippets/${name}/`);
      // What may still name the old folder: the wasm's import-object key ("./snippets/<old>/…": …).
      const left = next.replace(new RegExp(`"\\./snippets/${old}/[^"]*"\\s*:`, "g"), "");
      if (new RegExp(`snippets/${old}/`).test(left)) {
        fail(`post-build: dist/${f} refers to snippets/${old}/ in a way this step does not rewrite`);
      }
      if (next !== text) {
        writeFileSync(join(staging, f), next);
        changed.push(f);
      }
    }
    if (changed.length === 0) fail(`post-build: nothing imports snippets/${old}/; has wasm-bindgen changed?`);
    for (const page of listFiles(staging).filter((f) => /\.html$/.test(f))) {
      const text = readFileSync(join(staging, page), "utf8");
      let next = text.split(`/snippets/${old}/`).join(`/snippets/${name}/`);
      next = refreshIntegrity(next, changed);
      if (next !== text) writeFileSync(join(staging, page), next);
    }
    done.push(name);
  }
  return done;
}

/** Recomputes the integrity="sha384-…" of each <link>/<script> naming one of `changed`. */
function refreshIntegrity(html, changed) {
  return html.replace(/<(?:link|script)\b[^>]*>/g, (tag) => {
    const url = tag.match(/\s(?:href|src)="\/?([^"?#]+)"/)?.[1];
    const integrity = tag.match(/\sintegrity="(sha256|sha384|sha512)-[^"]*"/);
    if (!url || !integrity || !changed.includes(url)) return tag;
    const digest = createHash(integrity[1]).update(readFileSync(join(staging, url))).digest("base64");
    return tag.replace(integrity[0], ` integrity="${integrity[1]}-${digest}"`);
  });
}

async function precompress() {
  const brotli = promisify(zlib.brotliCompress);
  const gzip = promisify(zlib.gzip);
  const text = listFiles(staging).filter((f) => /\.(html|js|css|wasm|json|svg)$/.test(f) && !f.startsWith(".stage"));
  await Promise.all(
    text.map(async (f) => {
      const body = readFileSync(join(staging, f));
      const [br, gz] = await Promise.all([
        brotli(body, {
          params: {
            [zlib.constants.BROTLI_PARAM_QUALITY]: 11,
            [zlib.constants.BROTLI_PARAM_SIZE_HINT]: body.length,
            [zlib.constants.BROTLI_PARAM_MODE]: f.endsWith(".wasm")
              ? zlib.constants.BROTLI_MODE_GENERIC
              : zlib.constants.BROTLI_MODE_TEXT,
          },
        }),
        gzip(body, { level: 9 }),
      ]);
      if (br.length < body.length) writeFileSync(join(staging, `${f}.br`), br);
      if (gz.length < body.length) writeFileSync(join(staging, `${f}.gz`), gz);
    }),
  );
  return text.length;
}

/** Puts the start page, rendered by the app's own views (src/bin/prerender.rs), in #app. */
function withPrerenderedStartPage(page) {
  const marker = "<!--prerendered-start-page-->";
  if (!page.includes(marker)) fail("post-build: index.html has no <!--prerendered-start-page--> marker");
  const out = join(mkdtempSync(join(tmpdir(), "fdt-prerender-")), "start.html");
  const run = spawnSync(
    "cargo",
    ["run", "--quiet", "--no-default-features", "--features", "prerender", "--bin", "prerender", "--", out],
    { cwd: root, stdio: ["ignore", "inherit", "inherit"] },
  );
  if (run.status !== 0) fail("post-build: rendering the start page (cargo run --bin prerender) failed");
  const start = readFileSync(out, "utf8");
  if (!start.includes("<h1")) fail("post-build: the rendered start page has no heading");
  return page.replace(marker, start);
}

function fail(message) {
  console.error(message);
  process.exit(1);
}

function listFiles(dir) {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory()
      ? listFiles(full).map((f) => `${name}/${f}`)
      : [name];
  });
}
