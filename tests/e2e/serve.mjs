// Zero-dependency static file server for the built app (dist/).
//
// Why our own server instead of `trunk serve` or a package: the e2e tests must
// see the app exactly as production will, i.e. under a strict Content Security
// Policy, with no SPA fallback hiding broken links, and with a record of every
// request so a test can prove the app fetched nothing unexpected.
//
// Library:  const { url, close, requests } = await startServer({ root: 'dist' });
//           startAppServer(): this server, or nginx with deploy/nginx/ when E2E_SERVER=nginx.
// CLI:      node tests/e2e/serve.mjs --root dist --port 8080 [--csp "..."] [--partner https://portal.example]

import { createServer } from 'node:http';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

// The policy the real deployment is meant to send. 'wasm-unsafe-eval' is the
// one relaxation wasm-bindgen needs (WebAssembly.instantiate); nothing else
// (no 'unsafe-inline', no 'unsafe-eval', no third-party origins). Every file in
// deploy/ sends exactly this (specs/deploy.test.mjs checks).
export const STRICT_CSP =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; " +
  "connect-src 'self'; img-src 'self' data:; frame-ancestors 'self'";

/** The iframe page partner portals frame: the same policy, framable by `partnerOrigins`. */
export const EMBED_PAGE = '/embed.html';
export function embedCsp(partnerOrigins, csp = STRICT_CSP) {
  if (!csp.endsWith("frame-ancestors 'self'")) throw new Error(`embedCsp: policy must end with frame-ancestors 'self': ${csp}`);
  return [csp, ...partnerOrigins].join(' ');
}

/**
 * The server the specs load the app from: startServer() below, or, with
 * E2E_SERVER=nginx, Debian's nginx running the shipped deploy/nginx configuration
 * (nginx.mjs). Either way `partnerOrigins` may frame embed.html and nothing else,
 * and the result is { url, close(), requests }.
 */
export async function startAppServer({ root, partnerOrigins = [] }) {
  if (process.env.E2E_SERVER === 'nginx') {
    const { startNginx } = await import('./nginx.mjs');
    return startNginx({ root, partnerOrigins });
  }
  if (process.env.E2E_SERVER && process.env.E2E_SERVER !== 'node') {
    throw new Error(`E2E_SERVER=${process.env.E2E_SERVER}: expected node (the default) or nginx`);
  }
  return startServer({ root, partnerOrigins });
}

/** Content types by extension (also used by benches/web/serve-compressed.mjs). */
export const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm', // required for WebAssembly.instantiateStreaming
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.webmanifest': 'application/manifest+json',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * Start serving `root`. Port 0 picks a free port (what the tests use).
 * `partnerOrigins` are added to frame-ancestors on /embed.html only, as the
 * deploy/ configurations do.
 * `prettyUrls` serves pages as Cloudflare Pages does ("Serving Pages"): a request for
 * `/name.html` is redirected (308) to `/name` (and `/index.html` to `/`), and `/name`
 * serves `name.html`.
 * Resolves to { url, close(), requests, server }; `requests` is this server's
 * own log of { method, path, status } for every request received, in order
 * (`status` is set once the response is sent).
 */
export async function startServer({ root, host = '127.0.0.1', port = 0, csp = STRICT_CSP, partnerOrigins = [], prettyUrls = false } = {}) {
  if (!root) throw new Error('startServer: root is required');
  const rootDir = path.resolve(root);
  const requests = [];

  const server = createServer(async (req, res) => {
    const log = (logged) => {
      const entry = { method: req.method, path: logged, status: undefined };
      requests.push(entry);
      res.on('finish', () => {
        entry.status = res.statusCode;
      });
    };
    // Security headers go on EVERY response, errors included, so a 404 page
    // can't be used to sneak past the policy either.
    res.setHeader('Content-Security-Policy', csp);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'no-referrer');
    // no-cache: the browser may keep a copy but must ask first; the validators below let
    // it hear "304, yours is current" rather than download the file again.
    res.setHeader('Cache-Control', 'no-cache');

    // Decode the raw path ourselves: new URL() would quietly collapse "/../"
    // and we want traversal attempts refused (403), not normalised.
    let urlPath;
    try {
      urlPath = decodeURIComponent(req.url.split(/[?#]/)[0]);
    } catch {
      log(req.url);
      return send(res, 400, 'Bad Request');
    }
    log(urlPath);
    if (prettyUrls && urlPath.endsWith('.html')) {
      const pretty = urlPath === '/index.html' ? '/' : urlPath.slice(0, -'.html'.length);
      res.writeHead(308, { Location: pretty });
      return res.end();
    }
    if (prettyUrls && urlPath !== '/' && path.extname(urlPath) === '') {
      urlPath += '.html';
    }
    if (urlPath === EMBED_PAGE && partnerOrigins.length > 0) {
      res.setHeader('Content-Security-Policy', embedCsp(partnerOrigins, csp));
    }

    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('Allow', 'GET, HEAD');
      return send(res, 405, 'Method Not Allowed');
    }

    // Refuse any ".." segment (plain or %2e%2e / %2f-encoded) and NUL bytes;
    // the prefix check is a second line of defence.
    const filePath = path.join(rootDir, urlPath);
    if (
      !urlPath.startsWith('/') ||
      urlPath.includes('\0') ||
      urlPath.split(/[\\/]/).includes('..') ||
      (filePath !== rootDir && !filePath.startsWith(rootDir + path.sep))
    ) {
      return send(res, 403, 'Forbidden');
    }

    try {
      let file = filePath;
      let info = await stat(file);
      if (info.isDirectory()) {
        // `/` and any directory serve their index.html. No SPA fallback:
        // an unknown path must 404 so broken links show up in tests.
        file = path.join(file, 'index.html');
        info = await stat(file);
      }
      if (!info.isFile()) return send(res, 404, 'Not Found');
      // A deployment rewrites files, so size and modification time identify a version.
      const etag = `W/"${info.size.toString(16)}-${Math.floor(info.mtimeMs).toString(16)}"`;
      res.setHeader('ETag', etag);
      res.setHeader('Last-Modified', info.mtime.toUTCString());
      const known = (req.headers['if-none-match'] || '').split(',').map((t) => t.trim());
      if (known.includes(etag) || known.includes('*')) {
        res.writeHead(304);
        return res.end();
      }
      res.writeHead(200, {
        'Content-Type': MIME[path.extname(file).toLowerCase()] || 'application/octet-stream',
        'Content-Length': info.size,
      });
      if (req.method === 'HEAD') return res.end();
      createReadStream(file).on('error', () => res.destroy()).pipe(res);
    } catch {
      send(res, 404, 'Not Found');
    }
  });

  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, resolve);
  });
  const { port: actualPort } = server.address();
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${actualPort}`;

  return {
    url,
    requests,
    server,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections?.(); // don't hang on browser keep-alives
      }),
  };
}

function send(res, status, text) {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8' });
  res.end(res.req.method === 'HEAD' ? undefined : `${status} ${text}\n`);
}

// ---- CLI -------------------------------------------------------------------
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const opt = (name, dflt) => {
    const i = args.indexOf(`--${name}`);
    return i >= 0 && i + 1 < args.length ? args[i + 1] : dflt;
  };
  const root = opt('root', 'dist');
  const port = Number(opt('port', '8080'));
  const csp = opt('csp', STRICT_CSP);
  const partnerOrigins = args.includes('--partner') ? [opt('partner')] : [];
  const { url } = await startServer({ root, port, csp, partnerOrigins });
  console.log(`Serving ${path.resolve(root)} at ${url}/`);
}
