import { describe, expect, it, vi } from 'vitest';
import { openFixture } from '../../tests/helpers/fixture-dom';
import { tiktok, tiktokPage } from './tiktok';

// The saved pages run their own scripts here (as in a browser) to check that they behave like the site.
const PAGE_URL = 'https://www.tiktok.com/@alice_dev';
const open = (file: string, scripts = false) => openFixture('tiktok', file, { url: PAGE_URL, scripts });

const read = (doc: Document) => tiktokPage.readProfile(doc, 'alice_dev');

describe('tiktok profile reading', () => {
  it('turns "Follow back" into "Friends", who follow you', async () => {
    const doc = open('follows-you.html', true);
    expect(read(doc)).toMatchObject({ state: 'not-following', followsYou: true });
    read(doc)?.followControl?.click();
    await vi.waitFor(() => expect(read(doc)).toMatchObject({ state: 'following', followsYou: true }));
  });

  it('puts the flag after the username and matches it whatever its case or @', () => {
    const doc = open('following.html');
    const title = doc.querySelector('[data-e2e="user-title"]');
    if (title) title.textContent = '@Alice_Dev';
    const reading = read(doc);
    expect(reading?.state).toBe('following');
    expect(reading?.anchor).toBe(title);
  });

  it('reads the Chinese labels on a Chinese page', () => {
    const doc = open('following.html');
    doc.documentElement.lang = 'zh-Hans';
    const label = doc.querySelector('[data-e2e="follow-button"] .TUXButton-label');
    if (label) label.textContent = '互相关注';
    expect(read(doc)).toMatchObject({ state: 'following', followsYou: true });
  });

  it('reads the followed state from its own hook in any language', () => {
    const doc = open('following.html');
    doc.documentElement.lang = 'ko';
    const button = doc.querySelector('[data-e2e="follow-button"]');
    button?.setAttribute('data-e2e', 'unfollow-button');
    expect(read(doc)).toMatchObject({ state: 'following' });
  });

  it('knows your own profile and a signed-out page from the page state, in any language', () => {
    const state = (user: object | undefined) =>
      `<script id="__UNIVERSAL_DATA_FOR_REHYDRATION__" type="application/json">${JSON.stringify({
        __DEFAULT_SCOPE__: { 'webapp.app-context': { language: 'pl', ...(user ? { user } : {}) } },
      })}</script>`;
    const withState = (user: object | undefined) => {
      const doc = open('following.html');
      doc.documentElement.lang = 'pl';
      doc.querySelector('[data-e2e="profile-icon"]')?.remove();
      doc.head.insertAdjacentHTML('beforeend', state(user));
      return doc;
    };
    expect(read(withState({ uid: '1', uniqueId: 'Alice_Dev' }))?.state).toBe('self');
    expect(read(withState(undefined))).toMatchObject({ state: 'unknown', reason: 'signed-out' });
    expect(read(withState({ uid: '2', uniqueId: 'carol.reads' }))).toMatchObject({ reason: 'language' });
  });
});

describe('tiktok adapter', () => {
  it('builds profile URLs on www.tiktok.com', () => {
    expect(tiktok.profileUrl('alice.smith')).toBe('https://www.tiktok.com/@alice.smith');
  });

  it('leaves an @user path on a Mastodon host to Mastodon', () => {
    expect(tiktok.handleFromUrl(new URL('https://mastodon.social/@alice'))).toBeNull();
  });

  it('allows periods inside a username but not at its end', () => {
    expect(tiktok.handleFromText('a.b.c')).toBe('a.b.c');
    expect(tiktok.handleFromText('abc.')).toBeNull();
  });
});
