import { describe, expect, it } from 'vitest';
import { openFixture, pageFrom } from '../../tests/helpers/fixture-dom';
import { github, githubPage } from './github';

const PAGE_URL = 'https://github.com/octo-cat';
const fixture = (file: string) => openFixture('github', file, { url: PAGE_URL });

const html = (body: string) =>
  pageFrom(`<!doctype html><head><meta name="user-login" content="mo-manager"></head><body>${body}</body>`);

describe('github profile reading', () => {
  it('returns the submit button of the visible follow form and anchors after the names', () => {
    const reading = githubPage.readProfile(fixture('not-following.html'), 'octo-cat');
    expect(reading?.followControl?.closest('form')?.getAttribute('action')).toBe(
      '/users/follow?target=octo-cat',
    );
    expect(reading?.anchor?.classList.contains('vcard-names-container')).toBe(true);
  });

  it('tests visibility, including a hidden wrapper, and takes a button as the submit control', () => {
    const doc = html(`<span class="vcard-username">octo-cat</span>
      <div hidden><form action="/users/unfollow?target=octo-cat"><button type="submit">Unfollow</button></form></div>
      <form action="/users/follow?target=octo-cat"><button type="submit">Follow</button></form>`);
    const reading = githubPage.readProfile(doc, 'octo-cat');
    expect(reading?.state).toBe('not-following');
    expect(reading?.followControl?.tagName).toBe('BUTTON');
  });

  it('finds the following tab of a profile, and nothing else', () => {
    expect(github.followingListOwner?.(new URL('https://github.com/Mo-Manager?tab=following'))).toBe(
      'mo-manager',
    );
    expect(github.followingListOwner?.(new URL('https://github.com/mo-manager?tab=followers'))).toBeNull();
    expect(github.followingListOwner?.(new URL('https://github.com/mo-manager'))).toBeNull();
    expect(github.followingListOwner?.(new URL('https://github.com/settings?tab=following'))).toBeNull();
  });
});
