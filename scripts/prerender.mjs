// The static shell (called by postbuild.mjs on release builds): the top of each page as the
// app renders it in each language, captured from the built site in headless Chromium and
// written into index.html. A phone then paints the headline (the story) or the section's
// title and introduction (a view) as soon as the HTML and CSS arrive, instead of after the
// wasm; readers without JavaScript get it too. The app builds the very same elements behind
// the shell, then shows them and removes the shell in one task (src/app/browser.rs,
// show_app_for_shell; the rest comes in later tasks, src/app/later.rs), so nothing moves.
//
// Only the plain URL of a page shows its shell: the inline script placed after it keeps the
// block of the page the URL names (`view`, as src/url parses it) in the reader's language
// (the URL's `lang`, else the browser's languages, as src/app/browser.rs picks them), and
// removes every block when the URL asks for anything more (an embed, a slide, a selection),
// where the plain page's top could be wrong.
//
// Without Chromium (CHROMIUM_PATH, default /usr/bin/chromium) or playwright-core the
// build goes on without a shell, with a warning.

import { existsSync } from 'node:fs';
import { startServer } from '../tests/browser/server.mjs';

export const LANGS = ['en', 'ja', 'ko'];
/** The story and every view (`View::key` in src/url). */
export const PAGES = ['story', 'ownership', 'breach', 'guidance', 'timeline', 'numbers', 'sources', 'glossary'];
/**
 * Views whose first screen is a list (its first item is the largest paint there): their
 * shell runs on to that list, with the items that start on a phone's first screen, no more
 * than the app builds before the shell gives way (the list's `data-first-screen`, src/app/later.rs).
 */
const FIRST_SCREEN_LISTS = { timeline: 'ol.timeline', sources: 'ol.sources', glossary: 'dl.glossary' };
const PHONE = { width: 412, height: 823 };
const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

/** Picks the shell of the URL's page in the reader's language, drops the others; sets the theme. */
export const SHELL_SCRIPT = `(() => {
  const langs = ${JSON.stringify(LANGS)};
  const pages = ${JSON.stringify(PAGES)};
  const query = new URLSearchParams(location.search);
  const asked = (query.get('lang') || '').toLowerCase();
  const preferred = (navigator.languages || []).map((l) => l.slice(0, 2).toLowerCase());
  const lang = langs.includes(asked) ? asked : preferred.find((l) => langs.includes(l)) || 'en';
  // As src/url parses it: the first \`view\`; an unknown one is the story.
  const view = query.get('view');
  const page = pages.includes(view) ? view : 'story';
  const plain = [...query.keys()].every((key) => key === 'lang' || key === 'theme' || key === 'view');
  for (const block of document.querySelectorAll('[data-shell]')) {
    if (plain && block.dataset.shell === lang && block.dataset.page === page) block.hidden = false;
    else block.remove();
  }
  if (plain) document.documentElement.lang = lang;
  // The theme as the app will set it (src/app/mod.rs), so a dark page never flashes white.
  const theme = (query.get('theme') || '').toLowerCase();
  const dark = theme === 'dark' || (theme !== 'light' && matchMedia('(prefers-color-scheme: dark)').matches);
  document.documentElement.dataset.theme = dark ? 'dark' : 'light';
  // The loader starts the wasm only after the shell's largest paint (scripts/postbuild.mjs).
  let painted = !plain;
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
 * Each block: `<div data-shell="xx" data-page="page" lang="xx" [hidden]>` holding the skip
 * link, the masthead and `<main>` with the page's top, as the app rendered them for
 * `?view=page&lang=xx`: the hook for the story; the hidden title, the section's heading
 * and its introduction for a view, on to the first screen's items of its list where
 * `FIRST_SCREEN_LISTS` names one.
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
    for (const pageKey of PAGES) {
      for (const lang of LANGS) {
        const page = await browser.newPage({ viewport: PHONE });
        const query = pageKey === 'story' ? `?lang=${lang}` : `?view=${pageKey}&lang=${lang}`;
        await page.goto(`${server.url}${query}`);
        const top = pageKey === 'story' ? '#hook' : `section#${pageKey} > p.intro`;
        await page.waitForSelector(`html[data-ready="1"] main#story ${top}`, { timeout: 30_000 });
        const inner = await page.evaluate(({ pageKey, list }) => {
          const main = document.querySelector('main#story');
          const skip = document.querySelector('.skip-link');
          const masthead = document.querySelector('header.masthead');
          const shallowMain = main.cloneNode(false);
          if (pageKey === 'story') {
            // The hook: what the app renders first (the sections come in later tasks).
            shallowMain.append(main.querySelector('#hook').cloneNode(true));
          } else {
            // The page's hidden <h1>, then the section's heading and introduction, and on
            // to the first screen's list where there is one.
            shallowMain.append(main.querySelector(':scope > h1').cloneNode(true));
            const section = main.querySelector(`:scope > section#${pageKey}`);
            const shallowSection = section.cloneNode(false);
            for (const part of section.children) {
              if (!list) {
                if (part.matches('.section-head, p.intro')) shallowSection.append(part.cloneNode(true));
                continue;
              }
              if (!part.matches(list)) {
                shallowSection.append(part.cloneNode(true));
                continue;
              }
              const shallowList = part.cloneNode(false);
              const most = Number(part.dataset.firstScreen || Infinity);
              [...part.children]
                .filter((item, index) => index < most && item.getBoundingClientRect().top < innerHeight)
                .forEach((item) => shallowList.append(item.cloneNode(true)));
              shallowSection.append(shallowList);
              break;
            }
            shallowMain.append(shallowSection);
          }
          // Comments are Leptos' markers; the shell is plain markup.
          const html = [skip, masthead, shallowMain].map((el) => el.outerHTML).join('');
          return html.replace(/<!--[\s\S]*?-->/g, '');
        }, { pageKey, list: FIRST_SCREEN_LISTS[pageKey] ?? null });
        await page.close();
        // Without JavaScript, the English story shows.
        const hidden = lang === 'en' && pageKey === 'story' ? '' : ' hidden';
        blocks.push(`<div data-shell="${lang}" data-page="${pageKey}" lang="${lang}"${hidden}>${inner}</div>`);
      }
    }
    return blocks.join('\n');
  } finally {
    await browser.close();
    await server.close();
  }
}
