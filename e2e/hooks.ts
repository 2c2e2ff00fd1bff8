// The DESIGN.md "Test hooks" selectors both page-object sets (e2e/pages/ on Playwright, e2e/firefox/ on
// puppeteer) rely on, spelled once so that a hook renamed in DESIGN changes here only.

/** Options page: the roster file input; choosing a file imports it (DESIGN hook `roster-file`). */
export const ROSTER_FILE = '[data-testid="roster-file"]';

/** Options page: the import's result, `data-imported`/`-rejected`/`-leavers` (DESIGN `import-summary`). */
export const IMPORT_SUMMARY = '[data-testid="import-summary"]';

/** Options page: one roster row per teammate, its name in the `th` (hook `roster-row`, used by both sets). */
export const ROSTER_ROW = '[data-testid="roster-row"]';

/** Page flag: its host element, with `data-state` and `data-reason` (DESIGN hook `teamfollow-flag`). */
export const FLAG = '[data-testid="teamfollow-flag"]';

/** Page flag: the shadow-root button that points at the site's Follow (DESIGN hook `teamfollow-follow`). */
export const FLAG_FOLLOW = '[data-testid="teamfollow-follow"]';

/** Page flag: the ring over the site's control it points at (DESIGN flag "rings it"; `teamfollow-ring`). */
export const FLAG_RING = '[data-testid="teamfollow-ring"]';

/** Popup: the number of teammate accounts recorded `not-following` (DESIGN hook `gap-count`). */
export const GAP_COUNT = '[data-testid="gap-count"]';

/** Popup: one gap, with `data-site`, `data-handle`, `data-state` (DESIGN hook `gap-row`). */
export const GAP_ROW = '[data-testid="gap-row"]';

/** Popup: an account never checked, listed apart from the gaps (DESIGN hook `unknown-row`). */
export const UNKNOWN_ROW = '[data-testid="unknown-row"]';
