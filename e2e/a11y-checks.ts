import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

// What the accessibility suite measures in a page: the rendered size of every visible text, and axe-core's
// WCAG 2.1 AA verdict.

/** The sizes of the visible texts of a page (open shadow roots included): the smallest, and the body size. */
export interface TextSizes {
  /** The smallest computed font size, in px, of an element holding visible text. */
  min: number;
  /** The size most characters are set in, in px. */
  body: number;
  /** Texts under `floor` px, as `size px: text` (at most 10). */
  under: string[];
  /** Every size with its number of characters, largest share first (`13:2153 14:516`). */
  weights: string;
}

/**
 * Measures with getComputedStyle the font size of every visible text node's element, shadow roots included, in
 * the page or in the element `within` selects. Runs in the page (Playwright's or puppeteer's evaluate).
 */
export function measureTextSizes({ within, floor }: { within?: string; floor: number }): TextSizes {
  const sizes: [number, number, string][] = [];
  const walk = (root: Node) => {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (node instanceof Element && node.shadowRoot) walk(node.shadowRoot);
      if (node.nodeType !== Node.TEXT_NODE) continue;
      const text = node.textContent?.trim() ?? '';
      const element = node.parentElement;
      if (!text || !element || ['SCRIPT', 'STYLE', 'NOSCRIPT', 'TITLE'].includes(element.tagName)) continue;
      if (!element.checkVisibility({ visibilityProperty: true })) continue;
      const box = element.getBoundingClientRect();
      // Visually hidden text (for screen readers) is clipped to 1 px: it is read aloud, not seen.
      if (box.width <= 1 || box.height <= 1) continue;
      sizes.push([Number.parseFloat(getComputedStyle(element).fontSize), text.length, text.slice(0, 40)]);
    }
  };
  const root = within ? (document.querySelector(within) as Element) : document.body;
  walk(root.shadowRoot ?? root);
  const weight = new Map<number, number>();
  for (const [size, length] of sizes) weight.set(size, (weight.get(size) ?? 0) + length);
  const ranked = [...weight].sort((a, b) => b[1] - a[1]);
  return {
    min: Math.min(...sizes.map(([size]) => size)),
    body: ranked[0]?.[0] ?? 0,
    under: sizes
      .filter(([size]) => size < floor)
      .slice(0, 10)
      .map(([size, , text]) => `${size}px: ${text}`),
    weights: ranked.map(([size, count]) => `${size}:${count}`).join(' '),
  };
}

/** measureTextSizes in a Playwright page. */
export function textSizes(page: Page, within?: string, floor = 12): Promise<TextSizes> {
  return page.evaluate(measureTextSizes, { within, floor });
}

const AXE = readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** One axe-core violation, shortened to what a failing test should say. */
export interface Violation {
  id: string;
  impact: string | null | undefined;
  targets: string[];
  summary: string;
}

/**
 * Runs axe-core's WCAG 2.0/2.1 A and AA rules in the page, on `include` (a selector; shadow hosts are followed
 * into their open roots) or the whole document. Injected by evaluation, which extension pages' CSP allows.
 */
export async function axeViolations(page: Page, include?: string): Promise<Violation[]> {
  const source = await AXE;
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(source);
  return page.evaluate(async (include) => {
    // biome-ignore lint/suspicious/noExplicitAny: axe is the global the evaluated script defines.
    const axe = (window as any).axe;
    const result = await axe.run(include ? { include: [include] } : document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
      resultTypes: ['violations'],
    });
    return result.violations.map(
      // biome-ignore lint/suspicious/noExplicitAny: axe's result types are not loaded in the page.
      (violation: any): Violation => ({
        id: violation.id,
        impact: violation.impact,
        // biome-ignore lint/suspicious/noExplicitAny: as above.
        targets: violation.nodes.slice(0, 5).map((node: any) => JSON.stringify(node.target)),
        summary: violation.nodes[0]?.failureSummary?.split('\n').slice(0, 3).join(' ') ?? '',
      }),
    );
  }, include);
}

/**
 * The lowest contrast ratio (WCAG 2.1 relative luminance) between `property` (a colour, e.g. `border-top-color`)
 * of the elements `selector` matches and the background they sit on (the nearest opaque one among their ancestors).
 */
export function lowestContrast(page: Page, selector: string, property: string): Promise<number> {
  return page.evaluate(
    ({ selector, property }) => {
      const rgb = (colour: string) => {
        const [r = 0, g = 0, b = 0, a = 1] = (colour.match(/[\d.]+/g) ?? []).map(Number);
        return { r, g, b, a: colour.startsWith('rgba') ? a : 1 };
      };
      const luminance = ({ r, g, b }: { r: number; g: number; b: number }) => {
        const channel = (c: number) =>
          c / 255 <= 0.03928 ? c / 255 / 12.92 : ((c / 255 + 0.055) / 1.055) ** 2.4;
        return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
      };
      const backdrop = (element: Element) => {
        for (let node: Element | null = element.parentElement; node; node = node.parentElement) {
          const colour = rgb(getComputedStyle(node).backgroundColor);
          if (colour.a > 0) return colour;
        }
        return rgb(getComputedStyle(document.documentElement).backgroundColor);
      };
      const ratios = [...document.querySelectorAll(selector)].map((element) => {
        const [light, dark] = [
          luminance(rgb(getComputedStyle(element).getPropertyValue(property))),
          luminance(backdrop(element)),
        ].sort((a, b) => b - a) as [number, number];
        return (light + 0.05) / (dark + 0.05);
      });
      return ratios.length ? Math.min(...ratios) : 0;
    },
    { selector, property },
  );
}

/**
 * The elements `selector` matches, or their descendants, that clip their own content (overflow not visible and
 * content taller than the box: a fixed row height, or a line squeezed by its flex container), as text.
 */
export function clippedBoxes(page: Page, selector: string): Promise<string[]> {
  return page.locator(selector).evaluateAll((boxes) =>
    boxes
      .flatMap((box) => [box, ...box.querySelectorAll('*')])
      // A 1 px box is text kept for screen readers only, clipped on purpose.
      .filter(
        (el) =>
          el.clientHeight > 1 &&
          getComputedStyle(el).overflowY !== 'visible' &&
          el.scrollHeight > el.clientHeight + 1,
      )
      .slice(0, 5)
      .map((el) => `${el.scrollHeight}/${el.clientHeight}px: ${el.textContent?.trim().slice(0, 40)}`),
  );
}
