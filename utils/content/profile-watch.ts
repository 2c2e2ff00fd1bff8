import type { ContentMessage, LookupAnswer } from '../messages';
import type { FollowState, ParseOptions, ProfileReading, SiteAdapter, SiteId } from '../sites/types';
import { profileOn } from '../sites/url';

// The content script's logic, free of extension APIs: it gets the page, a way to ask the background, and a
// way to draw the flag. One watch per profile visit; aborting its signal ends every observer and timer.

/** What the on-page flag shows. */
export interface FlagView {
  site: SiteId;
  handle: string;
  name: string;
  /** What this page shows now (`unknown` until it shows it). */
  state: FollowState;
  followsYou?: boolean;
  /** The state recorded on an earlier visit, for context while the page is loading. */
  recorded: LookupAnswer['follow'];
  /** The page never showed a state within the wait. */
  gaveUp: boolean;
  /** A one-click follow in progress, or what went wrong with it. */
  follow: 'idle' | 'pressing' | 'failed';
  message?: string;
}

export interface WatchOptions {
  /** The site's adapter: a content script carries only its own site's. */
  adapter: SiteAdapter;
  doc: Document;
  url: string;
  parse?: ParseOptions;
  ask(message: ContentMessage): Promise<unknown>;
  /** Draws (or, with null, removes) the flag. `anchor` is where it goes, when the page has a header. */
  render(view: FlagView | null, anchor: Element | null): void;
  signal: AbortSignal;
  /** How long to wait for the page to show a state before saying it could not tell. */
  settleMs?: number;
  /** How long to wait for the page to confirm a follow after pressing its button. */
  confirmMs?: number;
}

export interface ProfileWatch {
  /** Presses the site's own Follow control and waits for the page to confirm. */
  follow(): Promise<void>;
}

const SETTLED: ReadonlySet<FollowState> = new Set(['following', 'requested']);

/** Once the page shows a state, how often at most it is read again (a follow made with the site's own button). */
const SETTLED_READ_MS = 1000;

function isLookupAnswer(value: unknown): value is LookupAnswer {
  return (
    typeof value === 'object' && value !== null && (value as LookupAnswer).ok === true && 'member' in value
  );
}

/** Watches the profile at `url` if it belongs to a teammate; resolves to null (and draws nothing) otherwise. */
export async function watchProfile(options: WatchOptions): Promise<ProfileWatch | null> {
  const { adapter, doc, signal, ask, render } = options;
  const site = adapter.id;
  const handle = profileOn(adapter, options.url, options.parse);
  if (handle === null) return null;
  const answer = await ask({ type: 'lookup', site, handle }).catch(() => null);
  if (signal.aborted || !isLookupAnswer(answer) || !answer.member) return null;
  const readProfile = (): ProfileReading => adapter.readProfile?.(doc, handle) ?? { state: 'unknown' };

  let reading: ProfileReading = readProfile();
  let view: FlagView = {
    site,
    handle,
    name: answer.member.name,
    state: reading.state,
    followsYou: reading.followsYou,
    recorded: answer.follow,
    gaveUp: false,
    follow: 'idle',
  };
  let pressed = false;
  let onConfirmed: (() => void) | null = null;
  // In a tab the popup asked the background to open: act once on what the page shows, then say how it ended.
  let intent = answer.intent ?? null;

  const draw = () => render(view, reading.anchor ?? null);
  const report = (state: FollowState, source: 'page' | 'action') =>
    ask({ type: 'report-state', site, handle, state, followsYou: reading.followsYou, source }).catch(
      () => undefined,
    );

  const check = () => {
    const next = readProfile();
    const changed = next.state !== reading.state || next.followsYou !== reading.followsYou;
    const moved = next.anchor !== reading.anchor;
    reading = next;
    if (!changed && !moved) return;
    if (changed) {
      const confirmed = pressed && SETTLED.has(next.state);
      view = {
        ...view,
        state: next.state,
        followsYou: next.followsYou,
        gaveUp: false,
        ...(confirmed ? { follow: 'idle', message: undefined } : {}),
      };
      if (next.state !== 'unknown') void report(next.state, confirmed ? 'action' : 'page');
      if (confirmed) {
        pressed = false;
        onConfirmed?.();
      }
    }
    draw();
    if (changed) void actOnIntent();
  };

  const actOnIntent = async (gaveUp = false) => {
    const kind = intent;
    if (!kind || (view.state === 'unknown' && !gaveUp)) return;
    intent = null;
    if (kind === 'follow' && view.state === 'not-following') await pressFollow();
    const message = view.follow === 'failed' ? view.message : undefined;
    void ask({ type: 'intent-done', state: view.state, ...(message ? { message } : {}) }).catch(
      () => undefined,
    );
  };

  const pressFollow = async () => {
    const control = readProfile();
    if (control.state !== 'not-following' || !control.followControl) {
      view = { ...view, follow: 'failed', message: 'Could not find the Follow button on this page.' };
      draw();
      return;
    }
    pressed = true;
    view = { ...view, follow: 'pressing', message: undefined };
    draw();
    const confirmed = new Promise<boolean>((resolve) => {
      const timer = setTimeout(() => resolve(false), options.confirmMs ?? 10_000);
      onConfirmed = () => {
        clearTimeout(timer);
        resolve(true);
      };
    });
    control.followControl.click();
    if (await confirmed) return;
    // The site asked for something (sign-in, a confirmation) or failed: nothing is recorded.
    pressed = false;
    onConfirmed = null;
    if (signal.aborted) return;
    view = {
      ...view,
      follow: 'failed',
      message: 'The page did not confirm the follow. Finish it on the page (it may ask you to sign in).',
    };
    draw();
  };

  // One observer for the life of the visit: it sees the control appear, change (a follow made with the site's
  // own button) or go away. Reads are coalesced: at once while the page has not shown a state (or a follow is being
  // confirmed), then at most once a second, so a busy page (a timeline under the header) costs next to nothing.
  let pending: ReturnType<typeof setTimeout> | undefined;
  let lastRead = 0;
  const scheduleCheck = () => {
    if (pending !== undefined) return;
    // A page that never showed a state (signed out, say) is read at the slower pace too, after the wait.
    const waiting = (view.state === 'unknown' && !view.gaveUp) || pressed;
    const delay = waiting ? 0 : Math.max(0, lastRead + SETTLED_READ_MS - Date.now());
    pending = setTimeout(() => {
      pending = undefined;
      lastRead = Date.now();
      check();
    }, delay);
  };
  const observer = new MutationObserver(scheduleCheck);
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
    void actOnIntent(true);
  }, options.settleMs ?? 10_000);
  signal.addEventListener('abort', () => {
    observer.disconnect();
    clearTimeout(settle);
    clearTimeout(pending);
    render(null, null);
    void ask({ type: 'left-profile' }).catch(() => undefined);
  });

  draw();
  if (reading.state !== 'unknown') void report(reading.state, 'page');
  void actOnIntent();

  return { follow: pressFollow };
}
