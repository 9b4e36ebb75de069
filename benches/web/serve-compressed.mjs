// The static server for the time-to-first-question measurements of scripts/bench: the same
// headers as tests/e2e/serve.mjs (the strict CSP, no-cache with ETag and Last-Modified, so
// a service worker's precache gets 304 for what the page has just downloaded), but text and
// wasm sent compressed, as the shipped nginx configuration sends them (deploy/nginx:
// brotli_static, gzip_static): the precompressed .br or .gz copy beside a file when the
// build made one (scripts/post-build.mjs), else compressed here once at start-up with the
// same settings (brotli quality 11, gzip level 9). Under network emulation the bytes on the
// wire are what take the time, so uncompressed files would charge the app (its raw wasm)
// and the static page (97 KB of raw CSS) for bytes no deployment sends.
//
//   const { url, close, requests } = await startCompressedServer({ root, encoding: "br" });
//   encoding "br": brotli when the browser accepts it, else gzip (as deployed);
//            "gzip": gzip only; "identity": no compression (as tests/e2e/serve.mjs).

import { createServer } from "node:http";
import { readFileSync, readdirSync, statSync } from "node:fs";
import { existsSync } from "node:fs";
import { gzipSync, brotliCompressSync, constants as zc } from "node:zlib";
import path from "node:path";
import { fileURLToPath } from "node:url";

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
const { STRICT_CSP, MIME } = await import(path.join(REPO, "tests/e2e/serve.mjs"));

// What a host compresses: text and wasm, not images that are compressed already.
const COMPRESSIBLE = new Set([".html", ".js", ".mjs", ".css", ".json", ".wasm", ".svg"]);
const ENCODINGS = { br: ["br", "gzip"], gzip: ["gzip"], identity: [] };

/** The precompressed copy beside `file` if the build made one, else compressed here. */
function encoded(file, body, ext, encoding) {
  if (existsSync(`${file}.${encoding === "br" ? "br" : "gz"}`)) return readFileSync(`${file}.${encoding === "br" ? "br" : "gz"}`);
  const out =
    encoding === "br"
      ? brotliCompressSync(body, {
          params: {
            [zc.BROTLI_PARAM_QUALITY]: 11,
            [zc.BROTLI_PARAM_SIZE_HINT]: body.length,
            [zc.BROTLI_PARAM_MODE]: ext === ".wasm" ? zc.BROTLI_MODE_GENERIC : zc.BROTLI_MODE_TEXT,
          },
        })
      : gzipSync(body, { level: 9 });
  return out.length < body.length ? out : null;
}

function walk(dir, out = []) {
  for (const name of readdirSync(dir)) {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) walk(file, out);
    else out.push(file);
  }
  return out;
}

export async function startCompressedServer({ root, encoding = "br", csp = STRICT_CSP, host = "127.0.0.1" }) {
  const offered = ENCODINGS[encoding];
  if (!offered) throw new Error(`encoding ${encoding}: expected br, gzip or identity`);
  const rootDir = path.resolve(root);
  // Everything read and compressed up front, so no measured request waits for compression.
  const files = new Map();
  for (const file of walk(rootDir).filter((f) => !/\.(br|gz)$/.test(f))) {
    const body = readFileSync(file);
    const info = statSync(file);
    const ext = path.extname(file).toLowerCase();
    files.set(file, {
      body,
      encoded: Object.fromEntries(
        offered.filter(() => COMPRESSIBLE.has(ext)).map((e) => [e, encoded(file, body, ext, e)]).filter(([, b]) => b),
      ),
      type: MIME[ext] || "application/octet-stream",
      etag: `W/"${info.size.toString(16)}-${Math.floor(info.mtimeMs).toString(16)}"`,
      modified: info.mtime.toUTCString(),
    });
  }
  const requests = [];
  const server = createServer((req, res) => {
    const entry = { method: req.method, path: req.url, status: undefined, bytes: 0 };
    requests.push(entry);
    res.on("finish", () => {
      entry.status = res.statusCode;
    });
    res.setHeader("Content-Security-Policy", csp);
    res.setHeader("X-Content-Type-Options", "nosniff");
    res.setHeader("Referrer-Policy", "no-referrer");
    res.setHeader("Cache-Control", "no-cache");
    let urlPath;
    try {
      urlPath = decodeURIComponent(req.url.split(/[?#]/)[0]);
    } catch {
      res.writeHead(400).end();
      return;
    }
    if (req.method !== "GET" && req.method !== "HEAD") {
      res.writeHead(405, { Allow: "GET, HEAD" }).end();
      return;
    }
    if (urlPath.split(/[\\/]/).includes("..")) {
      res.writeHead(403).end();
      return;
    }
    let file = path.join(rootDir, urlPath);
    if (urlPath.endsWith("/")) file = path.join(file, "index.html");
    const f = files.get(file);
    if (!f) {
      res.writeHead(404, { "Content-Type": "text/plain; charset=utf-8" }).end("404 Not Found\n");
      return;
    }
    res.setHeader("ETag", f.etag);
    res.setHeader("Last-Modified", f.modified);
    res.setHeader("Vary", "Accept-Encoding");
    const known = (req.headers["if-none-match"] || "").split(",").map((t) => t.trim());
    if (known.includes(f.etag) || known.includes("*")) {
      res.writeHead(304).end();
      return;
    }
    const accepted = (req.headers["accept-encoding"] || "").split(",").map((e) => e.trim().split(";")[0]);
    const use = offered.find((e) => f.encoded[e] && accepted.includes(e));
    const body = use ? f.encoded[use] : f.body;
    const headers = { "Content-Type": f.type, "Content-Length": body.length };
    if (use) headers["Content-Encoding"] = use;
    res.writeHead(200, headers);
    entry.bytes = body.length;
    res.end(req.method === "HEAD" ? undefined : body);
  });
  await new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, host, resolve);
  });
  return {
    url: `http://${host}:${server.address().port}`,
    requests,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections?.();
      }),
  };
}
