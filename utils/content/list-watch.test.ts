// @vitest-environment happy-dom
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import type { ContentMessage } from '../messages';
import { reddit } from '../sites/reddit';
import type { PageReader, SiteAdapter } from '../sites/types';
import { watchFollowingList } from './list-watch';

// A stand-in site whose following list is a <ul> of links, so the watcher's logic is tested on its own.
const adapter: SiteAdapter = {
  ...reddit,
  followingListOwner: (url) => /^\/user\/(\w+)\/following$/.exec(url.pathname)?.[1] ?? null,
};
const reader: PageReader = {
  readProfile: () => ({ state: 'unknown', reason: 'other' }),
  readFollowingList: (doc) => [...doc.querySelectorAll('li a')].map((a) => a.textContent ?? ''),
};

let controller: AbortController;
let sent: ContentMessage[];
const start = (url = 'https://www.reddit.com/user/lead/following') =>
  watchFollowingList({
    adapter,
    reader,
    doc: document,
    url,
    signal: controller.signal,
    ask: async (m) => void sent.push(m),
  });
const addRows = (...names: string[]) => {
  for (const name of names)
    document.querySelector('ul')?.insertAdjacentHTML('beforeend', `<li><a>${name}</a></li>`);
};

beforeEach(() => {
  controller = new AbortController();
  sent = [];
  document.body.innerHTML = '<ul></ul>';
});
afterEach(() => controller.abort());

it('ignores pages that are not a following list', () => {
  expect(start('https://www.reddit.com/user/lead/')).toBe(false);
  expect(sent).toEqual([]);
});

it('reports the visible people, then only the new ones as the user scrolls', async () => {
  addRows('ada', 'bob');
  expect(start()).toBe(true);
  addRows('cy');
  await vi.waitFor(() => expect(sent).toHaveLength(2));
  expect(sent).toEqual([
    { type: 'report-list', site: 'reddit', owner: 'lead', handles: ['ada', 'bob'] },
    { type: 'report-list', site: 'reddit', owner: 'lead', handles: ['cy'] },
  ]);
});

it('splits long lists into messages the background accepts, and stops when the visit ends', async () => {
  addRows(...Array.from({ length: 450 }, (_, i) => `user${i}`));
  start();
  expect(sent.map((m) => m.type === 'report-list' && m.handles.length)).toEqual([200, 200, 50]);
  controller.abort();
  addRows('late');
  await new Promise((resolve) => setTimeout(resolve, 20));
  expect(sent).toHaveLength(3);
});
