import { describe, expect, it } from 'vitest';
import { parseRoster } from '../roster/parse';
import { groupRoster } from './group-members';

describe('groupRoster', () => {
  it('is a version 1 JSON roster the file import reads back', () => {
    const roster = groupRoster([
      { name: 'Ada Quill', site: 'bluesky', handle: 'ada.bsky.social' },
      { name: 'mona', site: 'github', handle: 'mona' },
    ]);
    expect(roster).toEqual({
      version: 1,
      members: [
        { name: 'Ada Quill', accounts: { bluesky: 'ada.bsky.social' } },
        { name: 'mona', accounts: { github: 'mona' } },
      ],
    });
    const parsed = parseRoster(JSON.stringify(roster), 'group.json');
    expect(parsed.problems).toEqual([]);
    expect(parsed.members).toHaveLength(2);
  });
});
