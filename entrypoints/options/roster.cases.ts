import type { Member } from '../../utils/model';

// Teammates the options page's tests put on the roster.

/** A teammate with no accounts unless `extra` gives some. */
export function member(id: string, name: string, extra: Partial<Member> = {}): Member {
  return { id, name, accounts: [], accountKeys: [], ...extra };
}

export const ada = member('ada', 'Ada Quill', {
  team: 'Platform',
  email: 'ada@example.com',
  accounts: [{ site: 'x', handle: 'adaquill' }],
});

export const bruno = member('bruno', 'Bruno Fenwick', {
  team: 'Design',
  accounts: [{ site: 'github', handle: 'bfenwick' }],
});
