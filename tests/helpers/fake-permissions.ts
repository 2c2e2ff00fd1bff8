// Test stand-in for browser.permissions, which the fake browser does not implement.
import { vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';

type Listener = (permissions: { origins?: string[] }) => void;

function fakeEvent() {
  const listeners = new Set<Listener>();
  return {
    addListener: (listener: Listener) => listeners.add(listener),
    removeListener: (listener: Listener) => listeners.delete(listener),
    hasListener: (listener: Listener) => listeners.has(listener),
    trigger: (permissions: { origins?: string[] }) => {
      for (const listener of listeners) listener(permissions);
    },
    get size() {
      return listeners.size;
    },
  };
}

/** Granted origins kept in memory; `answer` decides what the next permission prompt answers. */
export function fakePermissions(initial: string[] = []) {
  const origins = new Set(initial);
  const onAdded = fakeEvent();
  const onRemoved = fakeEvent();
  const state = { answer: true };
  const getAll = vi
    .spyOn(fakeBrowser.permissions, 'getAll')
    .mockImplementation(async () => ({ origins: [...origins], permissions: [] }));
  const request = vi.spyOn(fakeBrowser.permissions, 'request').mockImplementation(async (wanted) => {
    if (!state.answer) return false;
    for (const origin of wanted.origins ?? []) origins.add(origin);
    onAdded.trigger({ origins: wanted.origins });
    return true;
  });
  const remove = vi.spyOn(fakeBrowser.permissions, 'remove').mockImplementation(async (gone) => {
    for (const origin of gone.origins ?? []) origins.delete(origin);
    onRemoved.trigger({ origins: gone.origins });
    return true;
  });
  vi.spyOn(fakeBrowser.permissions, 'onAdded', 'get').mockReturnValue(onAdded as never);
  vi.spyOn(fakeBrowser.permissions, 'onRemoved', 'get').mockReturnValue(onRemoved as never);
  return { origins, onAdded, onRemoved, getAll, request, remove, state };
}
