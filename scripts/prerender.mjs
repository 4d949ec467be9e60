// The static shell (called by postbuild.mjs on release builds): the top of the story page
// (masthead and hook) as the app renders it in each language, captured from the built
// site in headless Chromium and written into index.html. A phone then paints the headline
// as soon as the HTML and CSS arrive, instead of after the wasm; readers without
// JavaScript get it too. The app removes the shell in the same task as it mounts
// (src/lib.rs), and renders the very same elements in the same place, so nothing moves.
//
// Only the plain story URL shows the shell: the inline script placed after it keeps the
// block of the reader's language (the URL's `lang`, else the browser's languages, as
// src/app/browser.rs picks them) and removes every block when the URL asks for anything
// else (a view, an embed, a slide), where the story's top would be the wrong page.
//
// Without Chromium (CHROMIUM_PATH, default /usr/bin/chromium) or playwright-core the
// build goes on without a shell, with a warning.

import { existsSync } from 'node:fs';
import { startServer } from '../tests/browser/server.mjs';

export const LANGS = ['en', 'ja', 'ko'];
const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

/** Picks the shell's language and drops it where the URL asks for another page; sets the theme. */
export const SHELL_SCRIPT = `(() => {
  const langs = ${JSON.stringify(LANGS)};
  const query = new URLSearchParams(location.search);
  const asked = (query.get('lang') || '').toLowerCase();
  const preferred = (navigator.languages || []).map((l) => l.slice(0, 2).toLowerCase());
  const lang = langs.includes(asked) ? asked : preferred.find((l) => langs.includes(l)) || 'en';
  const story = [...query.keys()].every((key) => key === 'lang' || key === 'theme');
  for (const block of document.querySelectorAll('[data-shell]')) {
    if (story && block.dataset.shell === lang) block.hidden = false;
    else block.remove();
  }
  if (story) document.documentElement.lang = lang;
  // The theme as the app will set it (src/app/mod.rs), so a dark page never flashes white.
  const theme = (query.get('theme') || '').toLowerCase();
  const dark = theme === 'dark' || (theme !== 'light' && matchMedia('(prefers-color-scheme: dark)').matches);
  document.documentElement.dataset.theme = dark ? 'dark' : 'light';
  // The app waits for the shell's largest paint before it mounts (src/app/browser.rs).
  let painted = !story;
  const done = () => {
    if (painted) return;
    painted = true;
    window.explainerShellPainted = true;
    dispatchEvent(new Event('explainer:shell-painted'));
  };
  if ((window.PerformanceObserver?.supportedEntryTypes || []).includes('largest-contentful-paint')) {
    new PerformanceObserver((list, observer) => { observer.disconnect(); done(); })
      .observe({ type: 'largest-contentful-paint', buffered: true });
  } else {
    requestAnimationFrame(() => setTimeout(done, 0));
  }
  setTimeout(done, 1000);
  window.explainerShellPainted = painted;
  document.currentScript.remove();
})();`

/**
 * The shell blocks for `dir` (a built site), or null when Chromium cannot be used.
 * Each block: `<div data-shell="xx" lang="xx" [hidden]>` holding the skip link, the
 * masthead and `<main>` with the hook, as the app rendered them for `?lang=xx`.
 */
export async function captureShell(dir) {
  let chromium;
  try {
    ({ chromium } = await import('playwright-core'));
  } catch {
    console.warn('prerender: playwright-core is not installed; no static shell');
    return null;
  }
  if (!existsSync(CHROMIUM_PATH)) {
    console.warn(`prerender: no Chromium at ${CHROMIUM_PATH}; no static shell`);
    return null;
  }
  const server = await startServer({ root: dir });
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  try {
    const blocks = [];
    for (const lang of LANGS) {
      const page = await browser.newPage({ viewport: { width: 412, height: 823 } });
      await page.goto(`${server.url}?lang=${lang}`);
      await page.waitForSelector('html[data-ready="1"] main#story #hook', { timeout: 30_000 });
      const inner = await page.evaluate(() => {
        const main = document.querySelector('main#story');
        const skip = document.querySelector('.skip-link');
        const masthead = document.querySelector('header.masthead');
        const hook = main.querySelector('#hook');
        const shallowMain = main.cloneNode(false);
        shallowMain.append(hook.cloneNode(true));
        // Comments are Leptos' markers; the shell is plain markup.
        const html = [skip, masthead, shallowMain].map((el) => el.outerHTML).join('');
        return html.replace(/<!--[\s\S]*?-->/g, '');
      });
      await page.close();
      const hidden = lang === 'en' ? '' : ' hidden';
      blocks.push(`<div data-shell="${lang}" lang="${lang}"${hidden}>${inner}</div>`);
    }
    return blocks.join('\n');
  } finally {
    await browser.close();
    await server.close();
  }
}
