import { describe, expect, it } from 'vitest';
import { displayNameFromTitle } from './display-name';

describe('displayNameFromTitle', () => {
  it.each([
    ['Ada Lindqvist (@ada) / X', 'ada', 'Ada Lindqvist'],
    ['(3) Ada Lindqvist (@Ada) / X', 'ada', 'Ada Lindqvist'],
    ['Ada Lindqvist (@ada) / Twitter', 'ada', 'Ada Lindqvist'],
    ['adaquill (Ada Quill) · GitHub', 'adaquill', 'Ada Quill'],
    ['Ada Quill (@ada.bsky.social) — Bluesky', 'ada.bsky.social', 'Ada Quill'],
    ['Ada Quill (@ada@mastodon.social) - Mastodon', 'ada@mastodon.social', 'Ada Quill'],
    ['Ada Quill | LinkedIn', 'ada-quill-12ab', 'Ada Quill'],
    ['Ada Quill (@ada.quill) • Instagram photos and videos', 'ada.quill', 'Ada Quill'],
    ['Ada Quill (@ada) • Threads, Say more', 'ada', 'Ada Quill'],
    ['Ada Quill - YouTube', 'adaquill', 'Ada Quill'],
    ['Ada Quill (@ada) | TikTok', 'ada', 'Ada Quill'],
    ['Ada Quill (u/adaq) - Reddit', 'adaq', 'Ada Quill'],
    ['Jean-Luc Picard (@jl) / X', 'jl', 'Jean-Luc Picard'],
    ['山田 太郎 (@taro) / X', 'taro', '山田 太郎'],
  ])('%s → %s', (title, handle, name) => {
    expect(displayNameFromTitle(title, handle)).toBe(name);
  });

  it('falls back to the handle when the title holds no name', () => {
    expect(displayNameFromTitle('X', 'ada')).toBe('ada');
    expect(displayNameFromTitle('(5) Facebook', 'johnsmith')).toBe('johnsmith');
    expect(displayNameFromTitle('u/adaq - Reddit', 'adaq')).toBe('adaq');
    expect(displayNameFromTitle('ada (@ada) / X', 'ada')).toBe('ada');
    expect(displayNameFromTitle(undefined, 'ada')).toBe('ada');
    expect(displayNameFromTitle('', 'ada')).toBe('ada');
  });

  it('cuts a long name at 200 characters without splitting one', () => {
    const name = displayNameFromTitle(`${'a'.repeat(199)}👩‍💻 (@ada) / X`, 'ada');
    expect(name).toBe('a'.repeat(199));
  });
});
