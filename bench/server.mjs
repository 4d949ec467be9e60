// The bench's static server: serves one built folder (dist/ or bench/floor/dist/) on
// 127.0.0.1 at a free port, compressed as a real host would serve it: brotli (quality 11)
// when the request accepts br, else gzip (level 9), else raw. The same compression for the
// explainer and the floor, so Lighthouse sees realistic, comparable transfer sizes. Every
// file is compressed once per bench run (cached in memory, shared by all servers), so no
// request waits for brotli. Records every path it answers.

import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { mimeType } from '../tests/browser/server.mjs';

const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.wasm', '.json', '.svg', '.txt']);

/** Brotli and gzip exactly as scripts/postbuild.mjs precompresses (and as the size table counts). */
export function brotli(buf) {
  return brotliCompressSync(buf, {
    params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: buf.length },
  });
}
export function gzip(buf) {
  return gzipSync(buf, { level: 9 });
}

const CACHE = new Map(); // `${encoding} ${file} ${size}` -> Buffer

/** `buf` (the content of `file`) encoded as `encoding` ('br' | 'gzip'), once per run. */
export function encoded(file, buf, encoding) {
  const key = `${encoding} ${resolve(file)} ${buf.length}`;
  if (!CACHE.has(key)) CACHE.set(key, encoding === 'br' ? brotli(buf) : gzip(buf));
  return CACHE.get(key);
}

/** Start serving `root`. Returns { url, requests, close }. */
export async function serve(root) {
  const absRoot = resolve(root);
  const requests = [];
  const server = createServer(async (req, res) => {
    const { pathname } = new URL(req.url, 'http://placeholder');
    let rel;
    try {
      rel = decodeURIComponent(pathname);
    } catch {
      rel = '\0';
    }
    if (rel.endsWith('/')) rel += 'index.html';
    const file = normalize(join(absRoot, rel));
    const inside = file.startsWith(absRoot.endsWith(sep) ? absRoot : absRoot + sep);
    let body = null;
    if (inside && !rel.includes('\0')) {
      try {
        if ((await stat(file)).isFile()) body = await readFile(file);
      } catch {
        body = null;
      }
    }
    if (body === null) {
      requests.push({ path: pathname, status: 404, bytes: 0 });
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' });
      res.end('not found');
      return;
    }
    const ext = extname(file).toLowerCase();
    const accepts = String(req.headers['accept-encoding'] || '');
    let encoding = null;
    if (COMPRESSIBLE.has(ext)) {
      if (/\bbr\b/.test(accepts)) encoding = 'br';
      else if (/\bgzip\b/.test(accepts)) encoding = 'gzip';
    }
    if (encoding) body = encoded(file, body, encoding);
    const headers = {
      'content-type': mimeType(file),
      'content-length': String(body.length),
      'cache-control': 'no-cache',
      vary: 'accept-encoding',
    };
    if (encoding) headers['content-encoding'] = encoding;
    requests.push({ path: pathname, status: 200, bytes: body.length, encoding });
    res.writeHead(200, headers);
    res.end(req.method === 'HEAD' ? undefined : body);
  });
  await new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', ok);
  });
  return {
    url: `http://127.0.0.1:${server.address().port}/`,
    requests,
    close: () =>
      new Promise((ok) => {
        server.closeAllConnections?.();
        server.close(() => ok());
      }),
  };
}
