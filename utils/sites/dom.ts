// Site-agnostic helpers for reading rendered pages. Pure: they look only at the nodes they are given. Everything
// about one site (its selectors, labels and rules) stays in that site's adapter.

/** The languages whose labels every adapter that reads words must know (DESIGN, principle 8). */
export const READ_LANGUAGES = ['en', 'de', 'fr', 'es', 'pt', 'it', 'nl', 'ja'] as const;
export type ReadLanguage = (typeof READ_LANGUAGES)[number];

/** An adapter's labels per language: for each language, the words of each kind of control or badge. */
export type LabelTable<K extends string> = Readonly<
  Record<ReadLanguage, Readonly<Record<K, readonly string[]>>>
>;

/** The primary language subtag in effect at `el` (its nearest `lang`, else the document's), lowercase; '' if unsaid. */
export function languageAt(el: Element): string {
  const lang =
    el.closest('[lang]')?.getAttribute('lang') ?? el.ownerDocument.documentElement.getAttribute('lang');
  return (lang ?? '').trim().split(/[-_]/)[0]?.toLowerCase() ?? '';
}

/** The labels of `table` for the language at `el`; English when the page does not say; null for a language outside it. */
export function labelsAt<K extends string>(
  table: LabelTable<K>,
  el: Element,
): Readonly<Record<K, readonly string[]>> | null {
  const lang = languageAt(el) || 'en';
  return (READ_LANGUAGES as readonly string[]).includes(lang) ? table[lang as ReadLanguage] : null;
}

/**
 * Why a header whose controls show no known label reads unknown: `language` when the page's language is outside
 * `table` or its labels there are not all known (sourced), else `layout` (the site changed).
 */
export function unreadReason<K extends string>(table: LabelTable<K>, el: Element): 'language' | 'layout' {
  const labels = labelsAt(table, el);
  return labels && Object.values<readonly string[]>(labels).every((list) => list.length > 0)
    ? 'layout'
    : 'language';
}

/** `text` with runs of whitespace made one space and the ends trimmed, as a page shows it. */
export function collapseSpaces(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

// An icon's <title> (such as "Down chevron icon") is in textContent but is not part of a label.
function textOutsideSvg(node: Node): string {
  if (node.nodeType === 3) return node.nodeValue ?? ''; // a text node
  return node.nodeName.toLowerCase() === 'svg' ? '' : [...node.childNodes].map(textOutsideSvg).join('');
}

/**
 * The words `el` shows, one entry per text node (icons left out, whitespace collapsed, empty ones dropped). Minified
 * pages glue neighbouring elements' text together in `textContent` (`@aliceFollows you`); text nodes keep them apart.
 */
export function textTokens(el: Element): string[] {
  const tokens: string[] = [];
  const walk = (node: Node) => {
    if (node.nodeType === 3) {
      const text = collapseSpaces(node.nodeValue ?? '');
      if (text) tokens.push(text);
    } else if (node.nodeName.toLowerCase() !== 'svg') node.childNodes.forEach(walk);
  };
  walk(el);
  return tokens;
}

/** Whether one of the words `el` shows is exactly `token` (compared in lowercase): a handle, not part of a glued string. */
export function showsToken(el: Element, token: string): boolean {
  const wanted = token.toLowerCase();
  return textTokens(el).some((text) => text.toLowerCase() === wanted);
}

/** The text `el` shows: icons left out, whitespace collapsed. */
export function shownText(el: Element): string {
  return collapseSpaces(textOutsideSvg(el));
}

/** Whether `el` shows `handle` (a lowercase username), with or without a leading @, in any case. */
export function showsUsername(el: Element, handle: string): boolean {
  return shownText(el).replace(/^@/, '').toLowerCase() === handle;
}

/** Whether `el` or one of its ancestors carries `hidden`: pages keep inactive forms and old screens that way. */
export function isHidden(el: Element): boolean {
  return el.closest('[hidden]') !== null;
}

/** The elements under `root` that match `selector`, leaving out those inside an `outside` (a dialog, a popup). */
export function queryOutside(root: ParentNode, selector: string, outside: string): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>(selector)].filter((el) => !el.closest(outside));
}

/** The nearest of `from` and its ancestors, at most `levels` levels up, that `test` accepts, or null. */
export function nearestAncestor(
  from: Element,
  levels: number,
  test: (el: Element) => boolean,
): Element | null {
  let el: Element | null = from;
  for (let level = 0; el && level <= levels; level++, el = el.parentElement) {
    if (test(el)) return el;
  }
  return null;
}

/**
 * What `find` returns in the nearest of `from` and its ancestors (at most `levels` levels up) where it finds
 * anything: controls next to a profile's name are its own, those further away belong to other people.
 */
export function nearestFound<T>(from: Element, levels: number, find: (node: Element) => T[]): T[] {
  let node: Element | null = from;
  for (let level = 0; node && level <= levels; level++, node = node.parentElement) {
    const found = find(node);
    if (found.length > 0) return found;
  }
  return [];
}

/** `text` percent-decoded, or null for a malformed escape (which would make decodeURIComponent throw). */
export function decodeOrNull(text: string): string | null {
  try {
    return decodeURIComponent(text);
  } catch {
    return null;
  }
}
