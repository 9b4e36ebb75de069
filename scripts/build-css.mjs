// Compiles www/styles/app.scss to www/styles/app.css (and studio.scss to studio.css) with the npm `sass` package.
// Run by Trunk as a pre_build hook, so `trunk build` alone produces the styles; Trunk's
// own Sass support would download a dart-sass binary, which these machines cannot do.
import * as sass from "sass";
import { writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
// app.css for the triage app; studio.css for the guidance studio (studio.html) alone.
for (const name of ["app", "studio"]) {
  const result = sass.compile(join(root, `www/styles/${name}.scss`), {
    loadPaths: [join(root, "node_modules")],
    style: "compressed",
    quietDeps: true,
    silenceDeprecations: ["import"],
  });
  if (/url\(/.test(result.css.replace(/url\(["']?data:/g, ""))) {
    // Fonts and images would be extra requests, and fonts break inside a Shadow DOM.
    console.error(`build-css: the compiled ${name}.css references an external url(); remove it`);
    process.exit(1);
  }
  writeFileSync(join(root, `www/styles/${name}.css`), result.css + "\n");
  console.log(`build-css: www/styles/${name}.css ${result.css.length} bytes`);
}
