// The guidance studio's build (issue 15), called by scripts/post-build.mjs while the
// triage app's files are still in Trunk's staging folder. A second Trunk run builds
// studio.html with the `studio` feature (the authoring tools compiled to wasm) under its
// own cargo profile, so its cdylib never lands where the triage app's does; its files are
// then copied into the staging folder with their own names (studio.js, studio_bg.wasm), so
// nothing the triage page or the widget downloads changes by a byte.
import { readFileSync, writeFileSync, copyFileSync, readdirSync, rmSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");

/** Builds the studio and puts studio.html, studio.js, studio_bg.wasm, studio-boot.js and
 *  studio.css in `staging`. `release`: as the triage build is. */
export function buildStudio(staging, release) {
  const dist = join(root, "target/studio-dist");
  // The outer Trunk's variables are for its own hooks; the inner run must not see them.
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith("TRUNK_")));
  const args = ["build", "--config", join(root, "Trunk-studio.toml"), "--dist", dist];
  if (release) args.push("--release");
  args.push("--cargo-profile", release ? "studio" : "studio-dev");
  const run = spawnSync("trunk", args, { cwd: root, env, stdio: ["ignore", "inherit", "inherit"] });
  if (run.status !== 0) fail("build-studio: trunk build of studio.html failed");

  const loader = /<script type="module"[^>]*>\s*import init[\s\S]*?<\/script>/;
  let html = readFileSync(join(dist, "index.html"), "utf8") // Trunk names its page index.html;
  if (!loader.test(html)) fail("build-studio: Trunk's inline loader was not found in studio.html");
  html = html.replace(loader, '<script type="module" src="/studio-boot.js"></script>');
  // Trunk preloads the glue and wasm under the crate's name; they are renamed below.
  html = html.replace(/<link rel="(?:modulepreload|preload)"[^>]*front-door-triage[^>]*>\s*/g, "");
  writeFileSync(join(staging, "studio.html"), html);

  let glue = readFileSync(join(dist, "front-door-triage.js"), "utf8");
  glue = glue.split("front-door-triage_bg.wasm").join("studio_bg.wasm");
  writeFileSync(join(staging, "studio.js"), glue);
  copyFileSync(join(dist, "front-door-triage_bg.wasm"), join(staging, "studio_bg.wasm"));
  for (const f of ["studio-boot.js", "studio.css"]) copyFileSync(join(dist, f), join(staging, f));
  // Its snippets (www/element.js, from the web layer) are the triage build's own files,
  // already in the staging folder under the same folder name; post-build renames both.
}

function fail(message) {
  console.error(message);
  process.exit(1);
}

// `node scripts/build-studio.mjs [--release] DIST`: rebuilds only the studio into an
// already built dist/ (for working on the studio; post-build.mjs does this in a full build).
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const out = args.filter((a) => !a.startsWith("--"))[0];
  if (!out) fail("usage: node scripts/build-studio.mjs [--release] DIST");
  buildStudio(out, args.includes("--release"));
  // The compressed copies of the studio's old files would be served in place of the new.
  for (const f of readdirSync(out).filter((f) => /^studio.*\.(br|gz)$/.test(f))) rmSync(join(out, f));
  // post-build renamed dist's snippets folder after its contents; point studio.js there.
  const [folder] = readdirSync(join(out, "snippets"));
  const glue = join(out, "studio.js");
  writeFileSync(glue, readFileSync(glue, "utf8").replace(/(\b(?:from|import)\s*\(?\s*['"]\.\/snippets\/)front-door-triage-[0-9a-f]{16}\//g, `$1${folder}/`));
}
