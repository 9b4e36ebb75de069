// Serves a built app with Debian's nginx and the shipped deploy/nginx/front-door-triage.conf,
// so the end-to-end suite can run against a real web server (E2E_SERVER=nginx, see
// serve.mjs startAppServer and run-nginx).
//
// The shipped file is used as it is, with only what a test machine must change: the listen
// address (a free port on 127.0.0.1), the root (the folder to serve) and the placeholder
// partner origin (the test's portal host, or none). Each substitution must match exactly
// once, so a change to the shipped file that the tests would no longer cover fails loudly.
// nginx runs as this user with its own prefix, pid file and logs in a temporary folder;
// the system service is never used.
//
// Library:  const { url, close, requests } = await startNginx({ root: 'dist', partnerOrigins: [] });
//           `requests` reads nginx's access log: [{ method, path, status }], like serve.mjs.
// CLI:      node tests/e2e/nginx.mjs --check                     nginx -t on the shipped file
//           node tests/e2e/nginx.mjs --root dist --port 8081 [--partner https://portal.example]
//                                                                 serve by hand until Ctrl+C

import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, connect } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
export const SHIPPED_CONF = path.resolve(HERE, '..', '..', 'deploy', 'nginx', 'front-door-triage.conf');
/** The placeholder partner origin in the shipped file (frame-ancestors of embed.html). */
export const PLACEHOLDER_ORIGIN = 'https://portal.example.org';
const NGINX = process.env.NGINX || '/usr/sbin/nginx';
const MIME_TYPES = '/etc/nginx/mime.types';
const BROTLI_MODULE = '/usr/lib/nginx/modules/ngx_http_brotli_static_module.so';

/** Replaces the one match of `pattern` in `text`; fails unless there is exactly one. */
function once(text, pattern, replacement, what) {
  const found = text.match(new RegExp(pattern.source, `${pattern.flags.replace('g', '')}g`)) ?? [];
  if (found.length !== 1) {
    throw new Error(
      `tests/e2e/nginx.mjs: expected exactly one ${what} in ${SHIPPED_CONF}, found ${found.length}; ` +
        'update the substitutions here to match the shipped file',
    );
  }
  return text.replace(pattern, replacement);
}

/** The shipped server block, with the test machine's port, root and partner origins. */
export function siteConfig({ root, port, partnerOrigins = [] }) {
  for (const origin of partnerOrigins) {
    if (!/^https?:\/\/[\w.-]+(:\d+)?$/.test(origin)) throw new Error(`not an origin: ${origin}`);
  }
  let text = readFileSync(SHIPPED_CONF, 'utf8');
  text = once(text, /^(\s*)listen 80;$/m, `$1listen 127.0.0.1:${port};`, '"listen 80;"');
  text = once(text, /^\s*listen \[::\]:80;\n/m, '', '"listen [::]:80;"');
  text = once(text, /^(\s*)root \/var\/www\/front-door-triage;$/m, `$1root ${root};`, '"root /var/www/front-door-triage;"');
  const origins = partnerOrigins.map((o) => ` ${o}`).join('');
  text = once(text, / https:\/\/portal\.example\.org"/, `${origins}"`, `"${PLACEHOLDER_ORIGIN}" in a quoted policy`);
  return text;
}

/** A minimal main configuration around `include`, with everything nginx writes under `prefix`. */
function mainConfig(prefix, include) {
  if (!existsSync(BROTLI_MODULE)) {
    throw new Error(`${BROTLI_MODULE} is missing: apt-get install libnginx-mod-http-brotli-static (scripts/setup does)`);
  }
  const temp = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']
    .map((name) => `    ${name}_temp_path ${path.join(prefix, 'temp', name)};`)
    .join('\n');
  return `# Written by tests/e2e/nginx.mjs for one test run.
daemon off;
worker_processes 1;
pid ${path.join(prefix, 'nginx.pid')};
error_log ${path.join(prefix, 'error.log')} warn;
${process.getuid?.() === 0 ? 'user root;  # the test folders are private to this user\n' : ''}load_module ${BROTLI_MODULE};
events { worker_connections 128; }
http {
    include ${MIME_TYPES};
    default_type application/octet-stream;
    sendfile on;
    log_format e2e escape=json '{"method":"$request_method","uri":"$request_uri","status":$status}';
    access_log ${path.join(prefix, 'access.log')} e2e;
${temp}
    include ${include};
}
`;
}

/** A folder for one nginx; inside E2E_NGINX_DIR when set, so run-nginx can stop it whatever happens. */
function newPrefix() {
  const parent = process.env.E2E_NGINX_DIR || os.tmpdir();
  mkdirSync(parent, { recursive: true });
  const prefix = mkdtempSync(path.join(parent, 'fdt-nginx-'));
  mkdirSync(path.join(prefix, 'temp'));
  return prefix;
}

function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

function nginxTest(prefix, conf) {
  const run = spawnSync(NGINX, ['-t', '-q', '-p', prefix, '-c', conf, '-e', path.join(prefix, 'error.log')], {
    encoding: 'utf8',
  });
  if (run.error) throw new Error(`cannot run ${NGINX}: ${run.error.message} (scripts/setup installs nginx)`);
  return { ok: run.status === 0, output: `${run.stdout}${run.stderr}`.trim() };
}

/**
 * nginx -t on the shipped file exactly as it is, and on the copy the tests serve.
 * Returns the outputs; throws with nginx's message when either fails.
 */
export function checkConfig() {
  const prefix = newPrefix();
  try {
    const shipped = path.join(prefix, 'shipped.conf');
    writeFileSync(shipped, mainConfig(prefix, SHIPPED_CONF));
    const verbatim = nginxTest(prefix, shipped);
    if (!verbatim.ok) throw new Error(`nginx -t failed on ${SHIPPED_CONF}:\n${verbatim.output}`);
    const site = path.join(prefix, 'site.conf');
    writeFileSync(site, siteConfig({ root: prefix, port: 8081, partnerOrigins: ['http://localhost:8082'] }));
    const copy = path.join(prefix, 'test.conf');
    writeFileSync(copy, mainConfig(prefix, site));
    const tested = nginxTest(prefix, copy);
    if (!tested.ok) throw new Error(`nginx -t failed on the test copy of ${SHIPPED_CONF}:\n${tested.output}`);
    return [verbatim.output, tested.output];
  } finally {
    rmSync(prefix, { recursive: true, force: true });
  }
}

function waitForPort(port, child, errorLog, timeout = 10_000) {
  const end = Date.now() + timeout;
  return new Promise((resolve, reject) => {
    const attempt = () => {
      if (child.exitCode !== null || child.signalCode !== null) {
        const log = existsSync(errorLog) ? readFileSync(errorLog, 'utf8') : '';
        return reject(new Error(`nginx exited (${child.exitCode ?? child.signalCode}):\n${log}`));
      }
      const socket = connect(port, '127.0.0.1');
      socket.once('connect', () => {
        socket.destroy();
        resolve();
      });
      socket.once('error', () => {
        socket.destroy();
        if (Date.now() > end) return reject(new Error(`nginx did not listen on ${port} within ${timeout} ms`));
        setTimeout(attempt, 50);
      });
    };
    attempt();
  });
}

/**
 * Starts nginx serving `root` with the shipped configuration; `partnerOrigins` may frame
 * embed.html. Resolves to { url, close(), requests, prefix } (requests: see top of file).
 */
export async function startNginx({ root, partnerOrigins = [], port: fixedPort } = {}) {
  if (!root) throw new Error('startNginx: root is required');
  const rootDir = path.resolve(root);
  for (let attempt = 1; ; attempt++) {
    const prefix = newPrefix();
    const port = fixedPort ?? (await freePort());
    const site = path.join(prefix, 'site.conf');
    writeFileSync(site, siteConfig({ root: rootDir, port, partnerOrigins }));
    const conf = path.join(prefix, 'nginx.conf');
    writeFileSync(conf, mainConfig(prefix, site));
    const errorLog = path.join(prefix, 'error.log');
    const accessLog = path.join(prefix, 'access.log');
    const child = spawn(NGINX, ['-p', prefix, '-c', conf, '-e', errorLog], { stdio: ['ignore', 'ignore', 'inherit'] });
    const stopOnExit = () => child.kill('SIGTERM'); // the master stops its workers
    process.once('exit', stopOnExit);
    try {
      await waitForPort(port, child, errorLog);
    } catch (error) {
      process.removeListener('exit', stopOnExit);
      child.kill('SIGTERM');
      rmSync(prefix, { recursive: true, force: true });
      // Another process may have taken the port between freePort() and nginx's bind.
      if (!fixedPort && attempt < 3 && /Address already in use/.test(error.message)) continue;
      throw error;
    }
    const exited = new Promise((resolve) => child.once('exit', resolve));
    return {
      url: `http://127.0.0.1:${port}`,
      prefix,
      get requests() {
        if (!existsSync(accessLog)) return [];
        return readFileSync(accessLog, 'utf8')
          .split('\n')
          .filter(Boolean)
          .map((line) => {
            const { method, uri, status } = JSON.parse(line);
            const raw = uri.split(/[?#]/)[0];
            let decoded = raw;
            try {
              decoded = decodeURIComponent(raw);
            } catch {
              // keep it as sent, as serve.mjs does
            }
            return { method, path: decoded, status };
          });
      },
      close: async () => {
        process.removeListener('exit', stopOnExit);
        if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
        await exited;
        rmSync(prefix, { recursive: true, force: true });
      },
    };
  }
}

// ---- CLI -------------------------------------------------------------------
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const opt = (name, dflt) => {
    const i = args.indexOf(`--${name}`);
    return i >= 0 && i + 1 < args.length ? args[i + 1] : dflt;
  };
  if (args.includes('--check')) {
    checkConfig();
    console.log(`nginx -t: ${path.relative(process.cwd(), SHIPPED_CONF)} and its test copy are valid`);
  } else {
    const server = await startNginx({
      root: opt('root', 'dist'),
      port: Number(opt('port', '8081')),
      partnerOrigins: args.includes('--partner') ? [opt('partner')] : [],
    });
    console.log(`nginx serving ${path.resolve(opt('root', 'dist'))} at ${server.url}/ (Ctrl+C to stop)`);
    process.on('SIGINT', async () => {
      await server.close();
      process.exit(0);
    });
  }
}
