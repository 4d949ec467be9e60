// Page object for the explainer. Every selector of the DOM contract is named
// here once; tests speak in terms of sections, figures and citations.

import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { REPO_ROOT } from './server.mjs';

/** The story's sections, in reading order. */
export const SECTION_ORDER = ['hook', 'ownership', 'breach', 'guidance', 'timeline', 'numbers', 'sources', 'glossary'];
/** Values of ?view= (every section but the hook). */
export const VIEWS = SECTION_ORDER.filter((id) => id !== 'hook');
export const LANGS = ['en', 'ja', 'ko'];
export const THEMES = ['light', 'dark'];

export const SELECTORS = {
  html: 'html',
  ready: 'html[data-ready="1"]',
  root: 'main#story',
  section: (id) => `main#story section#${id}`,
  sectionHeading: 'h2',
  figure: 'main#story span.figure',
  cite: 'button.cite',
  citePop: '.cite-pop',
  citeQuote: 'q',
  citeSourceLink: 'a[href^="#source-"]',
  sourcesList: 'main#story section#sources',
  sourceItem: 'main#story section#sources li[id^="source-"]',
  disagreement: 'main#story .disagreement',
  version: '.version',
};

/** The report list the app is built from (content/sources.json), or null if unreadable. */
export async function loadSources() {
  try {
    const json = JSON.parse(await readFile(join(REPO_ROOT, 'content', 'sources.json'), 'utf8'));
    return Array.isArray(json?.sources) ? json.sources : null;
  } catch {
    return null;
  }
}

export class StoryPage {
  /** @param {import('playwright-core').Page} page */
  constructor(page) {
    this.page = page;
  }

  root() {
    return this.page.locator(SELECTORS.root);
  }

  /** <html> attributes the app owns: lang, data-theme, data-ready. */
  async documentState() {
    return this.page.evaluate(() => {
      const html = document.documentElement;
      return {
        lang: html.getAttribute('lang'),
        theme: html.getAttribute('data-theme'),
        ready: html.getAttribute('data-ready'),
      };
    });
  }

  /** data-view of <main id="story">. */
  async view() {
    return this.root().getAttribute('data-view');
  }

  /** location.search as the address bar shows it now. */
  async search() {
    return this.page.evaluate(() => window.location.search);
  }

  async href() {
    return this.page.evaluate(() => window.location.href);
  }

  /**
   * The story's top-level sections on screen, in document order: those whose
   * id is one of SECTION_ORDER, with their <h2> text.
   */
  async sections() {
    return this.page.evaluate(
      ({ root, known, heading }) =>
        [...document.querySelectorAll(`${root} section[id]`)]
          .filter((s) => known.includes(s.id))
          .map((s) => {
            const h2 = s.querySelector(heading);
            const style = window.getComputedStyle(s);
            return {
              id: s.id,
              heading: h2 ? h2.textContent.trim() : null,
              visible: style.display !== 'none' && style.visibility !== 'hidden' && s.getClientRects().length > 0,
            };
          }),
      { root: SELECTORS.root, known: SECTION_ORDER, heading: SELECTORS.sectionHeading },
    );
  }

  async sectionIds() {
    return (await this.sections()).map((s) => s.id);
  }

  figures() {
    return this.page.locator(SELECTORS.figure);
  }

  citations() {
    return this.page.locator(`${SELECTORS.root} ${SELECTORS.cite}`);
  }

  /**
   * For every figure: its text, and the citation marker that belongs to it:
   * the first button.cite among its following siblings (or inside one, e.g. a
   * <sup class="cite-wrap">) before the next figure. Text or a <time> may sit
   * between a figure and its marker.
   */
  async figureMarkers() {
    return this.page.evaluate(
      ({ figure, cite }) =>
        [...document.querySelectorAll(figure)].map((fig) => {
          let marker = null;
          for (let el = fig.nextElementSibling; el && !marker; el = el.nextElementSibling) {
            if (el.matches(figure) || el.querySelector(figure)) break;
            marker = el.matches(cite) ? el : el.querySelector(cite);
          }
          return {
            text: fig.textContent.trim(),
            hasMarker: Boolean(marker && marker.getAttribute('type') === 'button'),
            markerText: marker ? marker.textContent.trim() : null,
            expanded: marker ? marker.getAttribute('aria-expanded') : null,
            controls: marker ? marker.getAttribute('aria-controls') : null,
          };
        }),
      { figure: SELECTORS.figure, cite: SELECTORS.cite },
    );
  }

  /** The citation marker that controls the element with id `controls`. */
  markerControlling(controls) {
    return this.page.locator(`${SELECTORS.root} ${SELECTORS.cite}[aria-controls="${controls}"]`);
  }

  /**
   * What the popover controlled by `marker` shows now: every quote (<q>) and
   * every #source-ID link in it, and whether each link's target exists.
   */
  async popoverOf(marker) {
    const id = await marker.getAttribute('aria-controls');
    const pop = this.page.locator(`[id="${id}"]`);
    const visible = await pop.isVisible();
    const details = await pop.evaluate(
      (el, { quote, link, citePop }) => ({
        isCitePop: el.matches(citePop),
        text: el.textContent.replace(/\s+/g, ' ').trim(),
        quotes: [...el.querySelectorAll(quote)].map((q) => q.textContent.trim()),
        links: [...el.querySelectorAll(link)].map((a) => {
          const target = document.getElementById(a.getAttribute('href').slice(1));
          return {
            href: a.getAttribute('href'),
            sourceId: a.getAttribute('href').replace(/^#source-/, ''),
            targetTag: target ? target.tagName.toLowerCase() : null,
          };
        }),
      }),
      { quote: SELECTORS.citeQuote, link: SELECTORS.citeSourceLink, citePop: SELECTORS.citePop },
    );
    return { id, visible, ...details };
  }

  /** ids (without "source-") of the report list items. */
  async sourceIds() {
    return this.page.locator(SELECTORS.sourceItem).evaluateAll((items) => items.map((li) => li.id.replace(/^source-/, '')));
  }

  /** For each .disagreement: how many .version children it lists. */
  async disagreements() {
    return this.page
      .locator(SELECTORS.disagreement)
      .evaluateAll((els, version) => els.map((el) => el.querySelectorAll(version).length), SELECTORS.version);
  }
}
