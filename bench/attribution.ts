import type { CDPSession } from 'playwright-core';

// CPU time by who spent it: the V8 sampling profiler of a page's renderer, each sample's time given to the script
// whose code was running. The extension's content scripts and the page's own scripts share one thread, so the
// extension's share does not depend on how busy the rest of the machine is the way a whole-page ratio does.

/** Microseconds between samples asked of V8 (a loaded machine stretches it: the deltas are read, not assumed). */
export const SAMPLING_US = 100;

/** The parts of a CDP profile (Profiler.stop) that the split reads. */
interface ProfileShape {
  nodes: { id: number; callFrame: { url: string; functionName: string }; children?: number[] }[];
  samples?: number[];
  timeDeltas?: number[];
}

/** Script time (ms) in one profile: the extension's, the page's own, and the sampled total. */
export interface Attributed {
  extension: number;
  page: number;
  /** The extension's functions with the most self time, for finding what to make cheaper. */
  top: [string, number][];
}

/** Starts sampling in the page of `cdp` (the session outlives navigations of that tab). */
export async function startProfile(cdp: CDPSession): Promise<void> {
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: SAMPLING_US });
  await cdp.send('Profiler.start');
}

/**
 * Stops sampling and splits the time: a frame with a `chrome-extension://<id>/` URL is the extension's, one with an
 * http(s) URL is the page's; a frame with no URL (a DOM or V8 built-in such as querySelector) belongs to the script
 * that called it. The profiler's own entries ((program), (idle), (garbage collector)) belong to no one.
 */
export async function stopProfile(cdp: CDPSession, extensionOrigin: string): Promise<Attributed> {
  const { profile } = (await cdp.send('Profiler.stop')) as { profile: ProfileShape };
  return attribute(profile, extensionOrigin);
}

/**
 * The split of `profile`'s samples. Each sample stands for the profile's median interval between samples, not its own
 * delta: on a loaded machine a thread descheduled in the middle of a function comes back with one sample whose delta
 * is the whole pause, which is time the machine gave to someone else, not CPU the function used.
 */
export function attribute(profile: ProfileShape, extensionOrigin: string): Attributed {
  const deltas = [...(profile.timeDeltas ?? [])].sort((a, b) => a - b);
  const interval = (deltas[Math.floor(deltas.length / 2)] ?? 0) / 1000;
  const samples = new Map<number, number>();
  for (const id of profile.samples ?? []) samples.set(id, (samples.get(id) ?? 0) + 1);
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const sums = { extension: 0, page: 0 };
  const byFunction = new Map<string, number>();
  const walk = (id: number, inherited: 'extension' | 'page' | null) => {
    const node = nodes.get(id);
    if (!node) return;
    const { url, functionName } = node.callFrame;
    const owner = url.startsWith(extensionOrigin)
      ? 'extension'
      : /^https?:/.test(url)
        ? 'page'
        : url || functionName.startsWith('(')
          ? null
          : inherited;
    const ms = (samples.get(id) ?? 0) * interval;
    if (owner) sums[owner] += ms;
    if (owner === 'extension') {
      const name = `${functionName || '(anonymous)'} ${url.slice(extensionOrigin.length)}`;
      byFunction.set(name, (byFunction.get(name) ?? 0) + ms);
    }
    for (const child of node.children ?? []) walk(child, owner);
  };
  const root = profile.nodes[0];
  if (root) walk(root.id, null);
  const top = [...byFunction].sort((a, b) => b[1] - a[1]).slice(0, 8);
  return { ...sums, top };
}
