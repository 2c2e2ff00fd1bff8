import { describe, expect, it, vi } from 'vitest';
import type { FlagView } from './profile-watch';
import { type FlagHost, lazyFlag } from './site-script';

const view = { state: 'not-following' } as FlagView;

function counting() {
  const host: FlagHost = { draw: vi.fn(), remove: vi.fn() };
  const create = vi.fn(() => host);
  return { host, create, flag: lazyFlag(create) };
}

describe('lazyFlag', () => {
  it('makes no host on a page that never shows a flag', () => {
    const { create, flag } = counting();
    flag.draw(null, null, () => {}, null);
    flag.remove();
    expect(create).not.toHaveBeenCalled();
  });

  it('makes the host once, on the first view, and hands every later call to it', () => {
    const { host, create, flag } = counting();
    const anchor = {} as Element;
    flag.draw(view, anchor, () => {}, null);
    flag.draw(null, null, () => {}, null);
    flag.remove();
    expect(create).toHaveBeenCalledTimes(1);
    expect(host.draw).toHaveBeenCalledTimes(2);
    expect(vi.mocked(host.draw).mock.calls[0]?.slice(0, 2)).toEqual([view, anchor]);
    expect(host.remove).toHaveBeenCalledTimes(1);
  });
});
