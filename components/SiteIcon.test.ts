import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, it } from 'vitest';
import { SITE_IDS } from '../utils/sites/index';

// WCAG 2.1 relative luminance and contrast ratio.
function luminance(hex: string): number {
  const full = hex.length === 4 ? hex.replace(/[0-9a-f]/gi, (c) => c + c) : hex;
  const [r, g, b] = [1, 3, 5].map((i) => Number.parseInt(full.slice(i, i + 2), 16) / 255);
  const channel = (c: number) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
  return 0.2126 * channel(r as number) + 0.7152 * channel(g as number) + 0.0722 * channel(b as number);
}
const contrast = (a: string, b: string) => {
  const [high, low] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (high + 0.05) / (low + 0.05);
};

const css = readFileSync(resolve(import.meta.dirname, 'SiteIcon.css'), 'utf8');
// Every `background:` given to a badge, light and dark.
const backgrounds = [...css.matchAll(/\.site-icon[^{]*\{[^}]*background:\s*(#[0-9a-f]{3,6})/gi)].map(
  (m) => m[1] as string,
);

it('gives every site a badge colour', () => {
  for (const site of SITE_IDS) expect(css).toContain(`[data-site="${site}"]`);
});

it.each(backgrounds)('keeps the white monogram readable on %s (at least 4.5:1)', (background) => {
  expect(contrast('#ffffff', background)).toBeGreaterThanOrEqual(4.5);
});
