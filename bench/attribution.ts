import type { CDPSession } from 'playwright-core';

// CPU time by who spent it, from Chromium's trace: every script event on a renderer's main thread (the content
// script's evaluation, each call into a script from a task, a timer, an event or an observer) carries the URL of
// the script it runs and the thread's own CPU time for it (`tdur`). That is time the thread ran, not wall time: a
// thread the machine took away in the middle of a call is not charged for the pause, which sampling (a sample's
// wall-clock delta, or a count of samples taken on a fixed wall-clock interval) would charge.

/** Trace categories: the script events of the timeline (EvaluateScript, FunctionCall, v8.compile, ...). */
const CATEGORIES = ['devtools.timeline'];

/** The parts of a trace event the split reads. */
export interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  tdur?: number;
  tts?: number;
  args?: { name?: string; data?: { url?: string; functionName?: string } };
}

/** Script CPU time (ms) in one trace: the extension's content scripts', the page's own, and the yardstick's. */
export interface Attributed {
  extension: number;
  page: number;
  /** The yardstick's runs in this trace (see YARDSTICK_PATH), each its own CPU time. */
  yardstick: number[];
  /** The extension's events with the most CPU time, for finding what to make cheaper. */
  top: [string, number][];
}

// Script events, each counted for its own CPU time less what nested script events of another owner took.
const SCRIPT_EVENTS = new Set(['EvaluateScript', 'FunctionCall', 'v8.evaluateModule']);

const traces = new WeakMap<CDPSession, TraceEvent[]>();

/** Starts tracing the browser of `cdp` (every renderer: the session follows the tab across its navigations). */
export async function startProfile(cdp: CDPSession): Promise<void> {
  const events: TraceEvent[] = [];
  traces.set(cdp, events);
  cdp.on('Tracing.dataCollected', ({ value }) => {
    if (traces.get(cdp) === events) events.push(...(value as unknown as TraceEvent[]));
  });
  await cdp.send('Tracing.start', {
    traceConfig: { includedCategories: CATEGORIES, recordMode: 'recordAsMuchAsPossible' },
    transferMode: 'ReportEvents',
  });
}

/**
 * Ends tracing and splits the script CPU time between the extension (any script under its origin: the boot script
 * at the root, the page reader under content-scripts/) and the page.
 */
export async function stopProfile(cdp: CDPSession, extensionOrigin: string): Promise<Attributed> {
  const complete = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
  await cdp.send('Tracing.end');
  await complete;
  const events = traces.get(cdp) ?? [];
  traces.delete(cdp);
  return attribute(events, extensionOrigin);
}

/**
 * A fixed piece of work (bench/pages.ts serves it on every host) that the bench runs in the page's main world
 * during each trace. Its CPU time says how fast this renderer's thread ran then: on this shared 2-core machine the
 * same work takes 20-30% more thread time while other processes run (the two hyper-threads, caches and memory
 * bandwidth are shared), and the content script's time moves with it.
 */
export const YARDSTICK_PATH = '/__bench/yardstick.js';

type Owner = 'extension' | 'page' | 'yardstick';

/** Whose script an event runs: the extension's content script, the page's (http/https), or no one's (no URL). */
function ownerOf(event: TraceEvent, prefix: string): Owner | null {
  if (!SCRIPT_EVENTS.has(event.name)) return null;
  const url = event.args?.data?.url ?? '';
  if (url.startsWith(prefix)) return 'extension';
  if (/^https:\/\/[^/]+\/__bench\/yardstick\.js/.test(url)) return 'yardstick';
  return /^https?:/.test(url) ? 'page' : null;
}

/**
 * The split of a trace's script events on renderer main threads (`CrRendererMain`). An event's thread time
 * (`tdur`, or the `tts` difference of a begin/end pair) goes to its script's owner; a script event nested in
 * another (a page's listener called while the content script dispatches an event) is taken out of the outer one.
 */
export function attribute(events: readonly TraceEvent[], prefix: string): Attributed {
  const mainThreads = new Set(
    events
      .filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
      .map((e) => `${e.pid}:${e.tid}`),
  );
  // Spans [start, end] in wall time with their CPU time, per thread.
  interface Span {
    start: number;
    end: number;
    cpu: number;
    owner: Owner;
    label: string;
  }
  const spans = new Map<string, Span[]>();
  const open = new Map<string, TraceEvent[]>();
  const add = (thread: string, span: Span) => spans.set(thread, [...(spans.get(thread) ?? []), span]);
  const labelOf = (e: TraceEvent) =>
    `${e.name} ${e.args?.data?.functionName || ''} ${(e.args?.data?.url ?? '').slice(prefix.length)}`;
  for (const event of events) {
    const thread = `${event.pid}:${event.tid}`;
    if (!mainThreads.has(thread)) continue;
    if (event.ph === 'X') {
      const owner = ownerOf(event, prefix);
      if (owner && event.tdur !== undefined)
        add(thread, {
          start: event.ts,
          end: event.ts + (event.dur ?? 0),
          cpu: event.tdur,
          owner,
          label: labelOf(event),
        });
    } else if (event.ph === 'B') {
      open.set(thread, [...(open.get(thread) ?? []), event]);
    } else if (event.ph === 'E') {
      const begin = open.get(thread)?.pop();
      const owner = begin && ownerOf(begin, prefix);
      if (begin && owner && begin.tts !== undefined && event.tts !== undefined)
        add(thread, {
          start: begin.ts,
          end: event.ts,
          cpu: event.tts - begin.tts,
          owner,
          label: labelOf(begin),
        });
    }
  }
  const sums = { extension: 0, page: 0 };
  const yardstick: number[] = [];
  const byLabel = new Map<string, number>();
  for (const list of spans.values()) {
    list.sort((a, b) => a.start - b.start || b.end - a.end);
    const stack: Span[] = [];
    const own = new Map<Span, number>(list.map((s) => [s, s.cpu]));
    for (const span of list) {
      while (stack.length && (stack.at(-1) as Span).end < span.start) stack.pop();
      const parent = stack.at(-1);
      if (parent) own.set(parent, (own.get(parent) ?? 0) - span.cpu);
      stack.push(span);
    }
    for (const [span, cpu] of own) {
      if (span.owner === 'yardstick') {
        yardstick.push(cpu / 1000);
        continue;
      }
      sums[span.owner] += cpu / 1000;
      if (span.owner === 'extension') byLabel.set(span.label, (byLabel.get(span.label) ?? 0) + cpu / 1000);
    }
  }
  const top = [...byLabel].sort((a, b) => b[1] - a[1]).slice(0, 8);
  return { ...sums, yardstick, top };
}

/**
 * The yardstick: top-level code of a size like a content script's, run once per evaluation: functions to compile,
 * elements made and queried, strings matched, URLs parsed, a Set built. Deterministic, about 2-4 ms of CPU.
 */
export function yardstickSource(): string {
  const functions = Array.from(
    { length: 200 },
    (_, i) =>
      `function f${i}(a, b) { const s = String(a) + '-' + b; return s.length > ${i % 17} ? s.split('-').map((x) => x.trim()).join('/') : null; }`,
  ).join('\n');
  return `(() => {
${functions}
const fs = [${Array.from({ length: 200 }, (_, i) => `f${i}`).join(', ')}];
const root = document.createElement('div');
let sum = 0;
for (let i = 0; i < 300; i++) {
  const el = document.createElement('span');
  el.setAttribute('data-i', String(i));
  el.textContent = fs[i % 200](i, 'x') ?? '';
  root.appendChild(el);
}
sum += root.querySelectorAll('span[data-i$="7"]').length;
const words = new Set();
for (let i = 0; i < 2000; i++) words.add('w' + (i * 7919 % 1000));
for (let i = 0; i < 200; i++) if (/^[a-z\\d](?:[a-z\\d]|-(?=[a-z\\d]))*$/i.test('user-' + i)) sum += new URL('https://example.com/u' + i + '?tab=x').pathname.length;
window.__yardstick = sum + words.size;
})();
`;
}
