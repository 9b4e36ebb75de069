// The web server configurations in deploy/ and what the build ships for them:
// - every file in deploy/ sends exactly the policy serve.mjs sends (STRICT_CSP), widened for
//   embed.html only by the placeholder partner origin, plus nosniff, no-referrer and both
//   caching rules;
// - the two _headers files give each path the intended headers under their host's rules
//   for overlapping paths (Netlify: the later rule wins; Cloudflare Pages: values join
//   unless detached with "! Name");
// - dist/ has .br and .gz copies that decompress to the files, none in the service worker's
//   precache, and a snippets folder named after its contents (scripts/post-build.mjs);
// - the server the suite runs against answers with those headers. With E2E_SERVER=nginx that
//   is nginx running deploy/nginx/front-door-triage.conf, and the caching rules, MIME types
//   and precompressed responses are checked too.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { request } from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';
import { STRICT_CSP, embedCsp, startAppServer } from '../serve.mjs';
import { PLACEHOLDER_ORIGIN } from '../nginx.mjs';
import { DIST_DIR } from '../lib/journey.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const DEPLOY = path.resolve(HERE, '..', '..', '..', 'deploy');
const FILES = [
  'nginx/front-door-triage.conf',
  'apache/front-door-triage.conf',
  'caddy/Caddyfile',
  'iis/web.config',
  'netlify/_headers',
  'cloudflare-pages/_headers',
];
const EMBED_CSP = embedCsp([PLACEHOLDER_ORIGIN]);
const IMMUTABLE = 'public, max-age=31536000, immutable';
const NGINX = process.env.E2E_SERVER === 'nginx';

test('every deploy/ file sends the policy of serve.mjs, widened only for embed.html', () => {
  assert.deepEqual(readdirSync(DEPLOY).filter((f) => f !== 'README.md').sort(), [...new Set(FILES.map((f) => f.split('/')[0]))].sort(), 'a new deploy/ file is listed here');
  for (const file of FILES) {
    const text = readFileSync(path.join(DEPLOY, file), 'utf8');
    const policies = [...text.matchAll(/default-src[^"\n]*/g)].map((m) => m[0].trim());
    assert.ok(policies.includes(STRICT_CSP), `${file} sends STRICT_CSP exactly`);
    assert.ok(policies.includes(EMBED_CSP), `${file} sends STRICT_CSP + the placeholder partner origin for embed.html`);
    const other = policies.filter((p) => p !== STRICT_CSP && p !== EMBED_CSP);
    assert.deepEqual(other, [], `${file}: every policy is one of the two`);
    for (const needed of ['nosniff', 'no-referrer', 'no-cache', IMMUTABLE, 'embed.html', 'snippets', 'PARTNER ORIGINS']) {
      assert.ok(text.includes(needed), `${file} mentions ${needed}`);
    }
  }
});

/** Parses a _headers file: [{ path, lines: [{ detach } | { name, value }] }]. */
function parseHeaders(text) {
  const rules = [];
  for (const line of text.split('\n')) {
    if (!line.trim() || line.trimStart().startsWith('#')) continue;
    if (!/^\s/.test(line)) {
      assert.match(line, /^\/\S*$/, `a rule starts with a path: ${line}`);
      rules.push({ path: line, lines: [] });
      continue;
    }
    assert.ok(rules.length > 0, `a header before any path: ${line}`);
    const detach = line.match(/^\s+!\s*([\w-]+)\s*$/);
    if (detach) {
      rules.at(-1).lines.push({ detach: detach[1].toLowerCase() });
      continue;
    }
    const header = line.match(/^\s+([\w-]+):\s*(.+)$/);
    assert.ok(header, `a header line is "Name: value": ${line}`);
    rules.at(-1).lines.push({ name: header[1].toLowerCase(), value: header[2].trim() });
  }
  return rules;
}

function matches(rule, urlPath) {
  const pattern = new RegExp(`^${rule.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`);
  return pattern.test(urlPath);
}

/** Netlify: for one path, a later matching rule's value of a header replaces an earlier one. */
function netlify(rules, urlPath) {
  const out = {};
  for (const rule of rules.filter((r) => matches(r.path, urlPath))) {
    for (const line of rule.lines) {
      assert.ok(!line.detach, 'Netlify has no "! Name" lines');
      out[line.name] = line.value;
    }
  }
  return out;
}

/** Cloudflare Pages: every matching rule applies; "! Name" detaches, repeats join with ", ". */
function cloudflare(rules, urlPath) {
  const out = {};
  for (const rule of rules.filter((r) => matches(r.path, urlPath))) {
    for (const line of rule.lines) {
      if (line.detach) delete out[line.detach];
      else out[line.name] = out[line.name] ? `${out[line.name]}, ${line.value}` : line.value;
    }
  }
  return out;
}

const SNIPPET = '/snippets/front-door-triage-0123456789abcdef/www/element.js';
const EXPECTED = {
  '/': { csp: STRICT_CSP, cache: 'no-cache' },
  '/index.html': { csp: STRICT_CSP, cache: 'no-cache' },
  '/sw.js': { csp: STRICT_CSP, cache: 'no-cache' },
  '/front-door-triage.js': { csp: STRICT_CSP, cache: 'no-cache' },
  '/front-door-triage_bg.wasm': { csp: STRICT_CSP, cache: 'no-cache' },
  '/embed.html': { csp: EMBED_CSP, cache: 'no-cache' },
  [SNIPPET]: { csp: STRICT_CSP, cache: IMMUTABLE },
};

for (const [file, resolve] of [['netlify/_headers', netlify], ['cloudflare-pages/_headers', cloudflare]]) {
  test(`${file}: each path gets one policy and one caching rule`, () => {
    const rules = parseHeaders(readFileSync(path.join(DEPLOY, file), 'utf8'));
    const paths = { ...EXPECTED };
    if (file.startsWith('cloudflare')) paths['/embed'] = EXPECTED['/embed.html']; // Pages' address for it
    for (const [urlPath, want] of Object.entries(paths)) {
      const got = resolve(rules, urlPath);
      assert.equal(got['content-security-policy'], want.csp, `${urlPath}: policy`);
      assert.equal(got['cache-control'], want.cache, `${urlPath}: caching`);
      assert.equal(got['x-content-type-options'], 'nosniff', `${urlPath}: nosniff`);
      assert.equal(got['referrer-policy'], 'no-referrer', `${urlPath}: referrer`);
    }
  });
}

function listFiles(dir) {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? listFiles(full).map((f) => `${name}/${f}`) : [name];
  });
}

test('dist/ ships .br and .gz copies of its text files, outside the service worker precache', () => {
  const files = listFiles(DIST_DIR);
  const text = files.filter((f) => /\.(html|js|css|wasm|json|svg)$/.test(f));
  assert.ok(text.length > 10, `text files in ${DIST_DIR}: ${text}`);
  for (const f of text) {
    const body = readFileSync(path.join(DIST_DIR, f));
    for (const [ext, unzip] of [['.br', zlib.brotliDecompressSync], ['.gz', zlib.gunzipSync]]) {
      const copy = path.join(DIST_DIR, f + ext);
      // A copy that would not be smaller is left out (post-build.mjs); a file over 1 KB always shrinks.
      if (!existsSync(copy)) {
        assert.ok(body.length < 1000, `${f}${ext} is missing`);
        continue;
      }
      assert.ok(unzip(readFileSync(copy)).equals(body), `${f}${ext} decompresses to ${f}`);
    }
  }
  const sw = readFileSync(path.join(DIST_DIR, 'sw.js'), 'utf8');
  const precache = JSON.parse(sw.match(/const FILES = (\[.*\]);/)[1]);
  assert.deepEqual(precache.filter((f) => /\.(br|gz)$/.test(f)), [], 'no precompressed copy is precached');
  assert.ok(precache.includes('/front-door-triage_bg.wasm'), 'the app itself is precached');
});

test('the snippets folder is named after its contents', () => {
  const folders = readdirSync(path.join(DIST_DIR, 'snippets'));
  assert.ok(folders.length > 0, 'the build has snippets');
  for (const folder of folders) {
    const digest = createHash('sha256');
    const files = listFiles(path.join(DIST_DIR, 'snippets', folder)).filter((f) => !/\.(br|gz)$/.test(f)).sort();
    for (const f of files) {
      digest.update(f).update('\0').update(readFileSync(path.join(DIST_DIR, 'snippets', folder, f))).update('\0');
    }
    assert.equal(folder.slice(-16), digest.digest('hex').slice(0, 16), `snippets/${folder} is named after its files`);
  }
});

// ---- the server ------------------------------------------------------------

let server;
before(async () => {
  server = await startAppServer({ root: DIST_DIR, partnerOrigins: [PLACEHOLDER_ORIGIN] });
});
after(async () => {
  await server?.close();
});

function get(urlPath, headers = {}) {
  return new Promise((resolve, reject) => {
    const req = request(`${server.url}${urlPath}`, { headers }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

const snippetPath = () => `/snippets/${readdirSync(path.join(DIST_DIR, 'snippets'))[0]}/www/element.js`;

test(`the server (${NGINX ? 'nginx with deploy/nginx' : 'serve.mjs'}) sends the headers`, async () => {
  const paths = { ...EXPECTED, [snippetPath()]: EXPECTED[SNIPPET], '/no-such-file': { csp: STRICT_CSP, cache: 'no-cache', status: 404 } };
  delete paths[SNIPPET];
  for (const [urlPath, want] of Object.entries(paths)) {
    const res = await get(urlPath);
    assert.equal(res.status, want.status ?? 200, `${urlPath}: status`);
    assert.equal(res.headers['content-security-policy'], want.csp, `${urlPath}: policy`);
    assert.equal(res.headers['x-content-type-options'], 'nosniff', `${urlPath}: nosniff`);
    assert.equal(res.headers['referrer-policy'], 'no-referrer', `${urlPath}: referrer`);
    // serve.mjs sends no-cache for everything; the deployed configurations follow deploy/README.md.
    assert.equal(res.headers['cache-control'], NGINX ? want.cache : 'no-cache', `${urlPath}: caching`);
  }
  assert.equal((await get('/front-door-triage_bg.wasm')).headers['content-type'], 'application/wasm');
});

test('precompressed copies are sent to browsers that accept them', { skip: !NGINX && 'serve.mjs sends files as they are' }, async () => {
  for (const file of ['/front-door-triage_bg.wasm', '/front-door-triage.js', '/app.css', '/index.html', '/guidance/default.json', snippetPath()]) {
    const plain = readFileSync(path.join(DIST_DIR, file));
    const type = (await get(file)).headers['content-type'];
    for (const [accept, encoding, ext] of [['gzip, deflate, br', 'br', '.br'], ['gzip', 'gzip', '.gz'], ['identity', undefined, '']]) {
      const res = await get(file, { 'accept-encoding': accept });
      assert.equal(res.headers['content-encoding'], encoding, `${file} for "${accept}": encoding`);
      assert.ok(res.body.equals(readFileSync(path.join(DIST_DIR, file + ext))), `${file} for "${accept}": the ${ext || 'plain'} file`);
      assert.equal(res.headers['content-type'], type, `${file} for "${accept}": the file's own type`);
      assert.match(res.headers.vary ?? '', /Accept-Encoding/i, `${file} for "${accept}": Vary`);
    }
    assert.ok(plain.length > 0);
  }
  // "/" is index.html: the same precompressed copy.
  const root = await get('/', { 'accept-encoding': 'br' });
  assert.equal(root.headers['content-encoding'], 'br');
  // A second look with the validator of the first is a 304, per encoding.
  const first = await get('/front-door-triage_bg.wasm', { 'accept-encoding': 'br' });
  const again = await get('/front-door-triage_bg.wasm', { 'accept-encoding': 'br', 'if-none-match': first.headers.etag });
  assert.equal(again.status, 304);
});
