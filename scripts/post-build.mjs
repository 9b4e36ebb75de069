// Trunk post_build hook. Runs on the staging directory before it replaces dist/.
// 1. Trunk inlines a module <script> that loads the wasm; the strict CSP forbids inline
//    script (trunk-rs/trunk#288), so it is replaced by <script src="boot.js">.
// 2. The static fallback in index.html is filled from the default guidance, so the phone
//    numbers people see without the app are the ones the app itself would show.
// It fails the build if any inline script or style is left.
import { readFileSync, writeFileSync, readdirSync, statSync } from "node:fs";
import { createHash } from "node:crypto";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const staging = process.env.TRUNK_STAGING_DIR;
if (!staging) {
  console.error("post-build: TRUNK_STAGING_DIR is not set (run through trunk build)");
  process.exit(1);
}
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
const embedPath = join(staging, "embed.html");
writeFileSync(embedPath, fill(readFileSync(embedPath, "utf8"), "embed.html"));

const leftovers = [
  [/<script(?![^>]*\bsrc=)[^>]*>/i, "an inline <script>"],
  [/<style[\s>]/i, "a <style> element"],
  [/\sstyle\s*=/i, "a style= attribute"],
  [/\son[a-z]+\s*=/i, "an on...= handler attribute"],
];
for (const page of ["embed.html", "portal-demo.html"]) {
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

// 3. The service worker's precache list and build id: every file of the standalone app,
//    hashed together, so a new deployment always replaces the old cache.
const files = listFiles(staging)
  .filter((f) => !/^(sw\.js|portal-demo\.|embed)/.test(f) && !f.startsWith(".stage"))
  .sort();
const hash = createHash("sha256");
for (const f of files) hash.update(f).update(readFileSync(join(staging, f)));
const swPath = join(staging, "sw.js");
const sw = readFileSync(swPath, "utf8")
  .replace("{{BUILD_ID}}", hash.digest("hex").slice(0, 16))
  .replace("{{PRECACHE}}", JSON.stringify(["/", ...files.map((f) => `/${f}`)]));
writeFileSync(swPath, sw);
console.log(`post-build: loader externalised, fallback filled, ${files.length} files precached`);

function listFiles(dir) {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory()
      ? listFiles(full).map((f) => `${name}/${f}`)
      : [name];
  });
}
