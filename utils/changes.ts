// The extension's pages and the background hear over one BroadcastChannel that the data changed.

/** BroadcastChannel on which the extension's pages hear that the data changed. */
export const CHANGES_CHANNEL = 'teamfollow';

/** Tells the other extension pages and the background (badge) that the data changed; `from` names the sender. */
export function announceChange(from = 'background'): void {
  const channel = new BroadcastChannel(CHANGES_CHANNEL);
  channel.postMessage({ type: 'changed', from });
  channel.close();
}
