// A tiny, dependency-free static file server for the built site in dist/.
//
// The same files are served at "/" and under SUB_PATH, so a test can prove the
// page loads its assets through relative URLs (as it must inside an iframe or
// from any folder of a host site). It listens on 127.0.0.1 on a port the OS
// picks, and records every request it answers.

import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = resolve(fileURLToPath(new URL('../../', import.meta.url)));
// EXPLAINER_DIST overrides the folder served (default: the repo's dist/).
export const DIST_DIR = resolve(process.env.EXPLAINER_DIST || join(REPO_ROOT, 'dist'));
export const SUB_PATH = '/some/sub/path/';

const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.woff2': 'font/woff2',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
};

export function mimeType(path) {
  return MIME[extname(path).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * Map a request path to a file under root, or null when it is outside the
 * served prefixes or tries to climb out of root.
 */
export function resolveFile(root, pathname, prefixes = ['/', SUB_PATH]) {
  let decoded;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  // Longest prefix first, so /some/sub/path/x is not read as dist/some/sub/path/x.
  const prefix = [...prefixes].sort((a, b) => b.length - a.length).find((p) => decoded.startsWith(p));
  if (prefix === undefined) return null;
  let rest = decoded.slice(prefix.length);
  if (rest === '' || rest.endsWith('/')) rest += 'index.html';
  const full = normalize(join(root, rest));
  if (full !== root && !full.startsWith(root.endsWith(sep) ? root : root + sep)) return null;
  return full;
}

/**
 * Start the server. Returns { url, subUrl, requests, close }.
 * `url` ends with "/"; `subUrl` is url + the sub-path.
 */
export async function startServer({ root = DIST_DIR, host = '127.0.0.1' } = {}) {
  const absRoot = resolve(root);
  const requests = [];
  const server = createServer(async (req, res) => {
    const { pathname } = new URL(req.url, 'http://placeholder');
    const entry = { method: req.method, path: req.url, status: 0 };
    requests.push(entry);
    const send = (status, body, headers = {}) => {
      entry.status = status;
      // As dist/_headers asks of a host: public files readable from an opaque-origin
      // (sandboxed) frame, which needs CORS even for our own assets.
      res.writeHead(status, { 'cache-control': 'no-store', 'access-control-allow-origin': '*', ...headers });
      res.end(req.method === 'HEAD' ? undefined : body);
    };
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      send(405, 'method not allowed', { allow: 'GET, HEAD' });
      return;
    }
    // "/some/sub/path" without the slash would break relative URLs: redirect like a real host.
    if (pathname === SUB_PATH.slice(0, -1)) {
      send(301, '', { location: SUB_PATH });
      return;
    }
    const file = resolveFile(absRoot, pathname);
    if (file === null) {
      send(404, 'not found', { 'content-type': 'text/plain; charset=utf-8' });
      return;
    }
    try {
      const info = await stat(file);
      if (!info.isFile()) throw new Error('not a file');
      const body = await readFile(file);
      send(200, body, { 'content-type': mimeType(file), 'content-length': String(body.length) });
    } catch {
      send(404, 'not found', { 'content-type': 'text/plain; charset=utf-8' });
    }
  });
  await new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(0, host, ok);
  });
  const { port } = server.address();
  const url = `http://${host}:${port}/`;
  return {
    url,
    subUrl: new URL(SUB_PATH, url).href,
    origin: new URL(url).origin,
    requests,
    close: () =>
      new Promise((ok) => {
        server.closeAllConnections?.();
        server.close(() => ok());
      }),
  };
}
