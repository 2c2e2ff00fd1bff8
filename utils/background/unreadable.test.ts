import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { unknownReasonsItem, unreadableItem } from '../settings';
import { countUnreadable, dayOf, noteUnknown } from './unreadable';

beforeEach(() => fakeBrowser.reset());

const NOON = new Date(2026, 11, 3, 12).getTime();

describe('countUnreadable', () => {
  it("counts per site for today and drops yesterday's counts", async () => {
    await unreadableItem.setValue({ day: '2026-12-02', counts: { x: 9 } });
    await countUnreadable('x', NOON);
    await countUnreadable('x', NOON);
    await countUnreadable('linkedin', NOON);
    expect(await unreadableItem.getValue()).toEqual({ day: dayOf(NOON), counts: { x: 2, linkedin: 1 } });
  });
});

describe('noteUnknown', () => {
  it('keeps the latest reason per account', async () => {
    await noteUnknown('x', 'ada', 'loading', 1);
    await noteUnknown('x', 'ada', 'signed-out', 2);
    await noteUnknown('github', 'bo', 'layout', 3);
    expect(await unknownReasonsItem.getValue()).toEqual({
      'x:ada': { reason: 'signed-out', at: 2 },
      'github:bo': { reason: 'layout', at: 3 },
    });
  });

  it('keeps at most 500 accounts, dropping the oldest', async () => {
    const many = Object.fromEntries(
      Array.from({ length: 500 }, (_, i) => [`x:u${i}`, { reason: 'loading' as const, at: i }]),
    );
    await unknownReasonsItem.setValue(many);
    await noteUnknown('x', 'new', 'other', 1000);
    const kept = await unknownReasonsItem.getValue();
    expect(Object.keys(kept)).toHaveLength(500);
    expect(kept['x:u0']).toBeUndefined();
    expect(kept['x:new']).toEqual({ reason: 'other', at: 1000 });
  });
});
