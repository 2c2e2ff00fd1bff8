import { t } from '../i18n/index';
import type { ContentMessage, LookupAnswer } from '../messages';
import { languageAt } from '../sites/dom';
import type {
  FollowState,
  PageReader,
  ParseOptions,
  ProfileReading,
  SiteAdapter,
  SiteId,
  UnknownReason,
} from '../sites/types';
import { profileOn } from '../sites/url';

// The content script's logic, free of extension APIs: it gets the page, a way to ask the background, and a
// way to draw the flag. One watch per profile visit; aborting its signal ends every observer and timer.
// It never presses anything: the follow is the user's own click on the site's control, which the flag points at.

/** What the on-page flag shows. */
export interface FlagView {
  site: SiteId;
  /** The site's name as users know it ("X", "LinkedIn"). */
  siteName: string;
  handle: string;
  name: string;
  /** What this page shows now (`unknown` until it shows it). */
  state: FollowState;
  /** While `unknown`: why. */
  reason?: UnknownReason;
  /** The page's language (primary subtag), to say which one TeamFollow does not read. */
  lang: string;
  followsYou?: boolean;
  /** The state recorded on an earlier visit, for context while the page is loading. */
  recorded: LookupAnswer['follow'];
  /** The page never showed a state within the wait. */
  gaveUp: boolean;
  /** The flag is pointing at the site's own control, waiting for the user's click on it. */
  pointing: boolean;
  /** The site's control is LinkedIn's Connect, which sends an invitation rather than a plain follow. */
  connect: boolean;
  message?: string;
}

export interface WatchOptions {
  /** The site's adapter: a content script carries only its own site's. */
  adapter: SiteAdapter;
  /** The site's page reader, beside its adapter. */
  reader: PageReader;
  doc: Document;
  url: string;
  parse?: ParseOptions;
  ask(message: ContentMessage): Promise<unknown>;
  /**
   * Draws (or, with null, removes) the flag. `anchor` is where it goes, when the page has a header; `target` is the
   * site's control the flag points at (a ring drawn over it), while it points.
   */
  render(view: FlagView | null, anchor: Element | null, target: HTMLElement | null): void;
  signal: AbortSignal;
  /** How long to wait for the page to show a state before saying it could not tell. */
  settleMs?: number;
}

export interface ProfileWatch {
  /** Brings the site's own Follow control into view, focuses it and rings it; presses nothing. Null when there is none. */
  showFollowControl(): HTMLElement | null;
}

const SETTLED: ReadonlySet<FollowState> = new Set(['following', 'requested']);

/** Once the page shows a state, how often at most it is read again (a follow made with the site's own button). */
const SETTLED_READ_MS = 1000;

function isLookupAnswer(value: unknown): value is LookupAnswer {
  return (
    typeof value === 'object' && value !== null && (value as LookupAnswer).ok === true && 'member' in value
  );
}

/** While unknown, why: an adapter that gives no reason is read as `other`, so the flag always says one. */
function reasonOf(reading: ProfileReading): UnknownReason | undefined {
  return reading.state === 'unknown' ? (reading.reason ?? 'other') : undefined;
}

/** Passes on the stable id a stranger's profile shows, once, as soon as the page shows it (within the wait). */
function reportStableId({ adapter, reader, doc, ask, signal, settleMs }: WatchOptions, handle: string): void {
  const Observer = doc.defaultView?.MutationObserver ?? MutationObserver;
  let pending: ReturnType<typeof setTimeout> | undefined;
  const stop = () => {
    observer.disconnect();
    clearTimeout(pending);
    clearTimeout(timeout);
  };
  const look = () => {
    pending = undefined;
    const reading = reader.readProfile(doc, handle);
    if (!reading.stableId) return;
    stop();
    void ask({
      type: 'report-state',
      site: adapter.id,
      handle,
      state: reading.state,
      stableId: reading.stableId,
    }).catch(() => undefined);
  };
  // Coalesced to one read a second: a stranger's busy page must cost next to nothing.
  const observer = new Observer(() => {
    pending ??= setTimeout(look, SETTLED_READ_MS);
  });
  observer.observe(doc.body ?? doc.documentElement, { subtree: true, childList: true });
  const timeout = setTimeout(stop, settleMs ?? 10_000);
  signal.addEventListener('abort', stop);
  look();
}

/** Watches the profile at `url` if it belongs to a teammate; resolves to null (and draws nothing) otherwise. */
export async function watchProfile(options: WatchOptions): Promise<ProfileWatch | null> {
  const { adapter, reader, doc, signal, ask, render } = options;
  const site = adapter.id;
  const handle = profileOn(adapter, options.url, options.parse);
  if (handle === null) return null;
  const answer = await ask({ type: 'lookup', site, handle }).catch(() => null);
  if (signal.aborted || !isLookupAnswer(answer)) return null;
  if (!answer.member) {
    // Not on the roster: nothing is drawn. Only a site's stable id is passed on, once, so that a teammate who
    // changed their handle is recognised (the background keeps nothing unless the id is a teammate's).
    if (reader.readsStableId) reportStableId(options, handle);
    return null;
  }
  const readProfile = (): ProfileReading => reader.readProfile(doc, handle);

  let reading: ProfileReading = readProfile();
  let view: FlagView = {
    site,
    siteName: adapter.name,
    handle,
    name: answer.member.name,
    state: reading.state,
    reason: reasonOf(reading),
    lang: languageAt(doc.documentElement),
    followsYou: reading.followsYou,
    recorded: answer.follow,
    gaveUp: false,
    pointing: false,
    connect: reading.controlKind === 'connect',
  };
  // The popup opened this tab to follow this profile: point at the control as soon as the page shows it.
  let pointWhenShown = answer.intent === 'follow';
  // TeamFollow pointed at the control: the follow the page shows next was led by it (an `actions` row).
  let led = false;
  let target: HTMLElement | null = null;

  const draw = () => render(view, reading.anchor ?? null, view.pointing ? target : null);
  // The page says the account moved: passed on once, whatever the state, so that the popup can offer the new one.
  let movedTold = false;
  const tellMoved = () => {
    if (movedTold || !reading.movedTo) return;
    movedTold = true;
    void ask({ type: 'report-state', site, handle, state: reading.state, movedTo: reading.movedTo }).catch(
      () => undefined,
    );
  };
  const report = (state: FollowState) =>
    ask({
      type: 'report-state',
      site,
      handle,
      state,
      ...(reading.followsYou === undefined ? {} : { followsYou: reading.followsYou }),
      ...(reading.stableId ? { stableId: reading.stableId } : {}),
      ...(state === 'unknown' && reading.reason ? { reason: reading.reason } : {}),
      ...(led && SETTLED.has(state) ? { led: true } : {}),
    }).catch(() => undefined);

  const showFollowControl = (): HTMLElement | null => {
    const current = readProfile();
    const control = current.state === 'not-following' ? (current.followControl ?? null) : null;
    if (!control) {
      view = { ...view, message: t('flag_noControl', { site: adapter.name }) };
      draw();
      return null;
    }
    led = true;
    target = control;
    control.scrollIntoView?.({ block: 'center', inline: 'nearest' });
    control.focus({ preventScroll: true });
    view = { ...view, pointing: true, connect: current.controlKind === 'connect', message: undefined };
    draw();
    return control;
  };

  const check = () => {
    const next = readProfile();
    const changed =
      next.state !== reading.state ||
      next.followsYou !== reading.followsYou ||
      next.reason !== reading.reason;
    const moved = next.anchor !== reading.anchor;
    reading = next;
    tellMoved();
    if (!changed && !moved) return;
    if (changed) {
      const followed = SETTLED.has(next.state);
      view = {
        ...view,
        state: next.state,
        reason: reasonOf(next),
        followsYou: next.followsYou,
        connect: next.controlKind === 'connect',
        gaveUp: false,
        ...(followed || next.state !== 'not-following' ? { pointing: false, message: undefined } : {}),
      };
      if (next.state !== 'unknown') void report(next.state);
      if (followed) led = false;
    }
    draw();
    if (pointWhenShown && reading.state === 'not-following') {
      pointWhenShown = false;
      showFollowControl();
    }
  };

  // One observer for the life of the visit: it sees the control appear, change (a follow made with the site's
  // own button) or go away. Reads are coalesced: at once while the page has not shown a state (or the flag points
  // at the control), then at most once a second, so a busy page (a timeline under the header) costs next to nothing.
  let pending: ReturnType<typeof setTimeout> | undefined;
  let lastRead = 0;
  const scheduleCheck = () => {
    if (pending !== undefined) return;
    // A page that never showed a state (signed out, say) is read at the slower pace too, after the wait.
    const waiting = (view.state === 'unknown' && !view.gaveUp) || view.pointing;
    const delay = waiting ? 0 : Math.max(0, lastRead + SETTLED_READ_MS - Date.now());
    pending = setTimeout(() => {
      pending = undefined;
      lastRead = Date.now();
      check();
    }, delay);
  };
  // The page's own window: the document may come from another realm (tests hand in saved pages).
  const Observer = doc.defaultView?.MutationObserver ?? MutationObserver;
  const observer = new Observer(scheduleCheck);
  // characterData: React flips a button's label (Follow → Following) by changing its text node in place.
  observer.observe(doc.body ?? doc.documentElement, {
    subtree: true,
    childList: true,
    attributes: true,
    characterData: true,
  });
  const settle = setTimeout(() => {
    if (view.state !== 'unknown') return;
    view = { ...view, gaveUp: true };
    draw();
    // Counted (never stored as a state) so that a site whose pages stop matching shows up as a notice.
    void report('unknown');
  }, options.settleMs ?? 10_000);
  signal.addEventListener('abort', () => {
    observer.disconnect();
    clearTimeout(settle);
    clearTimeout(pending);
    render(null, null, null);
    void ask({ type: 'left-profile' }).catch(() => undefined);
  });

  draw();
  if (reading.state !== 'unknown') void report(reading.state);
  tellMoved();
  if (pointWhenShown && reading.state === 'not-following') {
    pointWhenShown = false;
    showFollowControl();
  }

  return { showFollowControl };
}
