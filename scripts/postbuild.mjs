// Trunk post-build hook (see Trunk.toml): runs on the staging folder before it becomes dist/.
//  1. A strict Content-Security-Policy: Trunk's inline module loader is allowed by its
//     SHA-256 hash, computed here, so the policy needs neither 'unsafe-inline' nor 'unsafe-eval'.
//  2. `_headers` for static hosts (Netlify / Cloudflare Pages syntax): the same policy plus
//     frame-ancestors, immutable caching for hashed files, no-cache for index.html.
//  3. Precompressed .br and .gz copies (release builds), for hosts that serve them.
//  0. Code splitting (tools/wasm-split): the wasm chunks that the main module loads on
//     demand, optimised like it and named by their content, and their loader,
//     `__wasm_split.js`, pointed at the main module's hashed name.
//  4. The static shell (release builds; scripts/prerender.mjs): the top of the story and of
//     each view in each language, painted before the wasm arrives; the loader fetches the
//     wasm only after the shell's largest paint (the app then just swaps the shell out).
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { brotliCompressSync, gzipSync, constants } from 'node:zlib';
import { SHELL_SCRIPT, captureShell } from './prerender.mjs';

const staging = process.env.TRUNK_STAGING_DIR;
if (!staging) {
  console.error('postbuild: TRUNK_STAGING_DIR is not set (run me as a Trunk hook)');
  process.exit(1);
}
const release = process.env.TRUNK_PROFILE === 'release';

const indexPath = join(staging, 'index.html');
let html = readFileSync(indexPath, 'utf8');

const LINK_MODULE = '__wasm_split.js';
const contentHash = (bytes) => createHash('sha256').update(bytes).digest('hex').slice(0, 16);

/**
 * Runs `wasm-opt -Oz` on each chunk of `dir`, as many at once as there are cores, and returns
 * the optimised bytes by file name. The wasm-opt command, not Binaryen's JS API: that loads
 * once and took a fifth of the time, but its output differs from the command's, and the
 * renderer crashed under load in three test runs while it was in use (not proven the
 * cause). The command starts Binaryen anew for each file (about 2.5 s), hence the pool.
 * EXPLAINER_WASM_NAMES=1 keeps the function names, for a profiler.
 *
 * A chunk's result is kept in `cacheDir` by the hash of its bytes, the arguments and
 * wasm-opt's version: wasm-opt is deterministic, and a rebuild of unchanged code gives the
 * splitter's same chunks (such a rebuild took two minutes here, nearly all of it wasm-opt;
 * a real edit moves most chunks, so it helps the test and bench runs after a build, not
 * the edit loop). Entries unused for a fortnight are removed.
 */
async function optimiseChunks(dir, names, cacheDir) {
  const { execFile, execFileSync } = await import('node:child_process');
  const { availableParallelism } = await import('node:os');
  const keepNames = process.env.EXPLAINER_WASM_NAMES === '1' ? ['-g'] : [];
  const args = ['-Oz', ...keepNames];
  const version = execFileSync('wasm-opt', ['--version'], { encoding: 'utf8' }).trim();
  mkdirSync(cacheDir, { recursive: true });
  const out = new Map();
  let reused = 0;
  const queue = [...names];
  const worker = async () => {
    for (let name = queue.shift(); name !== undefined; name = queue.shift()) {
      const from = join(dir, name);
      const key = contentHash(Buffer.concat([Buffer.from(`${version}\0${args.join(' ')}\0`), readFileSync(from)]));
      const cached = join(cacheDir, `${key}.wasm`);
      if (existsSync(cached)) {
        const now = new Date();
        utimesSync(cached, now, now);
        out.set(name, readFileSync(cached));
        reused += 1;
        continue;
      }
      const optimised = `${from}.opt`;
      await new Promise((ok, fail) =>
        // Its stderr only on failure: it warns about a name subsection it does not know, for every chunk.
        execFile('wasm-opt', [`--output=${optimised}`, ...args, from], (error, _stdout, stderr) =>
          error ? fail(new Error(`wasm-opt ${name}: ${stderr || error.message}`)) : ok(),
        ),
      );
      const bytes = readFileSync(optimised);
      // Written whole under a temporary name first: two builds at once never read half a file.
      writeFileSync(`${cached}.${process.pid}`, bytes);
      renameSync(`${cached}.${process.pid}`, cached);
      out.set(name, bytes);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, availableParallelism()) }, worker));
  const fortnight = 14 * 24 * 3600 * 1000;
  for (const entry of readdirSync(cacheDir)) {
    const path = join(cacheDir, entry);
    if (Date.now() - statSync(path).mtimeMs > fortnight) rmSync(path, { force: true });
  }
  console.log(`postbuild: wasm-opt on ${names.length - reused} chunks, ${reused} from ${cacheDir}`);
  return out;
}
const stagedJs = readdirSync(staging).filter((name) => name.endsWith('.js'));
const splitMains = stagedJs.filter((name) => readFileSync(join(staging, name), 'utf8').includes(`"./${LINK_MODULE}"`));
if (splitMains.length > 1) {
  console.error(`postbuild: more than one module imports ${LINK_MODULE}: ${splitMains.join(', ')}`);
  process.exit(1);
}
if (splitMains.length === 1) {
  const [mainJs] = splitMains;
  // Where tools/wasm-split left them: beside Trunk's wasm-bindgen output, in the cargo target dir.
  const splitDir = resolve(
    process.env.TRUNK_SOURCE_DIR || '.',
    process.env.CARGO_TARGET_DIR || 'target',
    'wasm-bindgen',
    release ? 'release' : 'debug',
    'split',
  );
  const linkPath = join(splitDir, LINK_MODULE);
  if (!existsSync(linkPath)) {
    console.error(`postbuild: ${mainJs} loads wasm chunks but ${linkPath} is missing (is tools/wasm-split the wasm-bindgen on PATH?)`);
    process.exit(1);
  }
  let link = readFileSync(linkPath, 'utf8');
  // The splitter named the main module by Trunk's unhashed output name.
  const mainImport = /import \{ initSync \} from "\.\/[^"]+\.js";/;
  if (!mainImport.test(link)) {
    console.error(`postbuild: ${LINK_MODULE} does not import initSync as expected`);
    process.exit(1);
  }
  link = link.replace(mainImport, `import { initSync } from "./${mainJs}";`);
  // A view's chunk comes with some thirty shared ones. Each fetch() costs the main thread
  // about half a millisecond (more with devtools open), so starting them all in one task
  // made one long task; the loader starts one chunk per task instead.
  const startAll = '        const parallelStuff = deps.map(d => d());\n';
  if (!link.includes(startAll)) {
    console.error(`postbuild: ${LINK_MODULE} no longer starts its chunks' dependencies as expected`);
    process.exit(1);
  }
  link = link.replace(
    startAll,
    '        const parallelStuff = [];\n' +
      '        for (const d of deps) {\n' +
      '            parallelStuff.push(d());\n' +
      '            await nextTask();\n' +
      '        }\n',
  );
  link +=
    '\n/** Resolves in a task of its own (a message, not a timer: no 4 ms clamp). */\n' +
    'function nextTask() {\n' +
    '    return new Promise((ok) => {\n' +
    '        const channel = new MessageChannel();\n' +
    '        channel.port1.onmessage = () => ok();\n' +
    '        channel.port2.postMessage(0);\n' +
    '    });\n' +
    '}\n';
  const chunks = readdirSync(splitDir).filter((n) => n.endsWith('.wasm') && n !== 'main.wasm');
  // EXPLAINER_UNOPTIMISED_CHUNKS=1: a test build that needs them only to work (the panic
  // test's); optimising them is most of this hook's time.
  const optimise = release && process.env.EXPLAINER_UNOPTIMISED_CHUNKS !== '1';
  const cacheDir = resolve(process.env.TRUNK_SOURCE_DIR || '.', process.env.CARGO_TARGET_DIR || 'target', 'wasm-opt-cache');
  const optimised = optimise ? await optimiseChunks(splitDir, chunks, cacheDir) : null;
  for (const name of chunks) {
    const bytes = optimised ? optimised.get(name) : readFileSync(join(splitDir, name));
    const stem = name.replace(/\.wasm$/, '').replace(/^split_/, '').replace(/_\d+$/, '');
    const hashedName = `${stem}-${contentHash(bytes)}.wasm`;
    writeFileSync(join(staging, hashedName), bytes);
    if (!link.includes(`"./${name}"`)) {
      console.error(`postbuild: ${LINK_MODULE} does not load ${name}`);
      process.exit(1);
    }
    link = link.replaceAll(`"./${name}"`, `"./${hashedName}"`);
  }
  writeFileSync(join(staging, LINK_MODULE), link);
  // Fetched with the main module, not after it (the main module imports it).
  const mainPreload = new RegExp(`<link rel="modulepreload" href="\\./${mainJs.replace(/[.]/g, '\\.')}"[^>]*>`);
  if (!mainPreload.test(html)) {
    console.error(`postbuild: no modulepreload of ${mainJs} in index.html`);
    process.exit(1);
  }
  html = html.replace(mainPreload, (tag) => `${tag}\n<link rel="modulepreload" href="./${LINK_MODULE}" crossorigin="anonymous">`);
}

// Captured from this very build, before its CSP exists (the shell's script is hashed below).
html = html.replace(/\s*<!-- shell -->[\s\S]*<!-- \/shell -->/, '');
const shell = release && process.env.EXPLAINER_NO_SHELL !== '1' ? await captureShell(staging) : null;
if (shell) {
  html = html.replace('<body>', `<body>\n    <!-- shell -->\n${shell}\n<script>${SHELL_SCRIPT}</script>\n    <!-- /shell -->`);
  // The wasm is fetched after the shell's largest paint, not preloaded beside the CSS: on a
  // slow link the download would compete with the paint it is not needed for.
  const wasmPreload = /\s*<link rel="preload" href="[^"]+_bg\.wasm"[^>]*>/;
  const init = 'const wasm = await init(';
  if (!wasmPreload.test(html) || !html.includes(init)) {
    console.error("postbuild: Trunk's wasm preload or loader changed; cannot defer the wasm");
    process.exit(1);
  }
  html = html.replace(wasmPreload, '');
  html = html.replace(init, `await new Promise((go) => window.explainerShellPainted === false ? addEventListener('explainer:shell-painted', go, { once: true }) : go());\n${init}`);
}

const inlineScripts = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
if (inlineScripts.length === 0) {
  console.error('postbuild: no inline loader script found in index.html');
  process.exit(1);
}
const hashes = inlineScripts.map((body) => `'sha256-${createHash('sha256').update(body, 'utf8').digest('base64')}'`);

export const policy = [
  "default-src 'none'",
  `script-src 'self' ${hashes.join(' ')} 'wasm-unsafe-eval'`,
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "object-src 'none'",
].join('; ');

const meta = `<meta http-equiv="Content-Security-Policy" content="${policy}" />`;
html = html.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>\s*/g, '');
html = html.replace(/(<meta charset="utf-8"\s*\/?>)/i, `$1\n    ${meta}`);
if (!html.includes(meta)) {
  console.error('postbuild: could not place the CSP meta tag after <meta charset>');
  process.exit(1);
}
writeFileSync(indexPath, html);

// oEmbed (type "rich") needs the absolute address the explainer is published at.
const publicUrl = process.env.EXPLAINER_PUBLIC_URL || 'http://127.0.0.1:8080/';
if (!process.env.EXPLAINER_PUBLIC_URL && release) {
  console.warn(`postbuild: EXPLAINER_PUBLIC_URL not set; oembed.json points at ${publicUrl}`);
}
const base = new URL(publicUrl);
const title = 'How an outsider reached LINE through Naver Cloud — an explainer';
const embedSrc = new URL('?embed=1', base).href;
const escapeAttr = (text) => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
const oembed = {
  version: '1.0',
  type: 'rich',
  title,
  provider_name: 'LINE breach explainer',
  provider_url: base.href,
  width: 640,
  height: 900,
  html:
    `<iframe src="${escapeAttr(embedSrc)}" title="${escapeAttr(title)}" loading="lazy" data-line-explainer ` +
    `width="640" height="900" style="width:100%;border:0"></iframe>` +
    `<script src="${escapeAttr(new URL('embed.js', base).href)}" async></script>`,
};
writeFileSync(join(staging, 'oembed.json'), `${JSON.stringify(oembed, null, 2)}\n`);
// Relative, like every other URL of the page: it resolves against wherever the page is served.
const discovery = `<link rel="alternate" type="application/json+oembed" href="oembed.json" title="${escapeAttr(title)}" />`;
html = html.replace(/<link rel="alternate" type="application\/json\+oembed"[^>]*>\s*/g, '');
html = html.replace('</head>', `  ${discovery}\n  </head>`);
writeFileSync(indexPath, html);

const files = readdirSync(staging).filter((name) => statSync(join(staging, name)).isFile());
// Trunk names hashed files `<name>-<hex>.<ext>` or `<name>-<hex>_bg.wasm`.
const hashed = files.filter((name) => /-[0-9a-f]{12,}(_bg)?\.[a-z]+$/.test(name));
const headers = [
  '/*',
  // frame-ancestors cannot be set from a meta tag; any site may embed the explainer.
  `  Content-Security-Policy: ${policy}; frame-ancestors *`,
  '  X-Content-Type-Options: nosniff',
  // A frame sandboxed without allow-same-origin has an opaque origin: to it, our own
  // module script and wasm are cross-origin and load only with CORS. They are public.
  '  Access-Control-Allow-Origin: *',
  '  Referrer-Policy: no-referrer',
  '/',
  '  Cache-Control: no-cache',
  '/index.html',
  '  Cache-Control: no-cache',
  // Unhashed (the main module imports it by this name), and names this build's main module.
  `/${LINK_MODULE}`,
  '  Cache-Control: no-cache',
  ...hashed.flatMap((name) => [`/${name}`, '  Cache-Control: public, max-age=31536000, immutable']),
  '',
].join('\n');
writeFileSync(join(staging, '_headers'), headers);

if (release) {
  for (const name of files) {
    if (!/\.(html|js|wasm|css|json|svg|txt)$/.test(name)) continue;
    const raw = readFileSync(join(staging, name));
    const br = brotliCompressSync(raw, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: raw.length },
    });
    const gz = gzipSync(raw, { level: 9 });
    if (br.length < raw.length) writeFileSync(join(staging, `${name}.br`), br);
    if (gz.length < raw.length) writeFileSync(join(staging, `${name}.gz`), gz);
  }
}
