import { describe, expect, it } from 'vitest';
import { openFixture, pageFrom } from '../../tests/helpers/fixture-dom';
import { x, xPage } from './x';

const PAGE_URL = 'https://x.com/alice_dev';
const fixture = (file: string) => openFixture('x', file, { url: PAGE_URL });

const html = (body: string) => pageFrom(`<!doctype html><body>${body}</body>`);

describe('x profile reading', () => {
  it('returns the header’s own Follow button and anchors after the UserName block', () => {
    const reading = xPage.readProfile(fixture('not-following.html'), 'alice_dev');
    expect(reading?.followControl?.getAttribute('data-testid')).toBe('1501234567890123456-follow');
    expect(reading?.anchor?.getAttribute('data-testid')).toBe('UserName');
  });

  it('ignores a button in the header box whose label names another account', () => {
    const doc = html(`<div data-testid="primaryColumn"><div>
      <button aria-label="Follow @bob_builder" data-testid="2-follow">Follow</button>
      <div data-testid="UserName"><span>@alice_dev</span></div></div></div>`);
    expect(xPage.readProfile(doc, 'alice_dev').state).toBe('unknown');
  });

  it('reads the user id from the control’s test id, never from a sidebar’s', () => {
    const reading = xPage.readProfile(fixture('who-to-follow.html'), 'alice_dev');
    expect(reading?.stableId).toBe('1501234567890123456');
    expect(xPage.readProfile(fixture('self.html'), 'alice_dev').stableId).toBeUndefined();
  });

  it('matches the @handle in a label as a whole word', () => {
    const page = (label: string) =>
      html(`<nav><a data-testid="AppTabBar_Profile_Link" href="/manager_mo">Profile</a></nav>
      <div data-testid="primaryColumn"><div><div><button aria-label="${label}" data-testid="7-follow">x</button></div>
      <div data-testid="UserName"><span>Alice</span><span>@alice</span></div></div></div>`);
    expect(xPage.readProfile(page('Follow @alice'), 'alice').state).toBe('not-following');
    expect(xPage.readProfile(page('フォロー @alice'), 'alice').state).toBe('not-following');
    expect(xPage.readProfile(page('Follow @alice_dev'), 'alice')).toMatchObject({
      state: 'unknown',
      reason: 'layout',
    });
  });

  it('knows the own profile from the navigation before its buttons render', () => {
    const doc = html(`<nav><a data-testid="AppTabBar_Profile_Link" href="/Alice_Dev">Profile</a></nav>
      <div data-testid="primaryColumn"><div data-testid="UserName"><span>@alice_dev</span></div></div>`);
    expect(xPage.readProfile(doc, 'alice_dev').state).toBe('self');
  });

  it('says a page without the header is loading, or signed out when it shows the login', () => {
    expect(xPage.readProfile(html('<div data-testid="primaryColumn"></div>'), 'alice_dev').reason).toBe(
      'loading',
    );
    const signedOut = html(
      '<div data-testid="primaryColumn"></div><a href="/login" data-testid="loginButton">Log in</a>',
    );
    expect(xPage.readProfile(signedOut, 'alice_dev').reason).toBe('signed-out');
  });

  it('finds the following list of a profile, and nothing else', () => {
    expect(x.followingListOwner?.(new URL('https://twitter.com/Manager_Mo/following'))).toBe('manager_mo');
    expect(x.followingListOwner?.(new URL('https://x.com/manager_mo/followers'))).toBeNull();
    expect(x.followingListOwner?.(new URL('https://x.com/home/following'))).toBeNull();
    expect(x.followingListOwner?.(new URL('https://x.com/manager_mo'))).toBeNull();
    expect(x.followingListOwner?.(new URL('https://bsky.app/manager_mo/following'))).toBeNull();
  });
});
