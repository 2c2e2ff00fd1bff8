import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseRoster } from './parse';
import { MAX_TEXT_LENGTH, ROSTER_LIMITS, RosterFileError } from './types';

const example = readFileSync(new URL('../../examples/roster.csv', import.meta.url), 'utf8');

/** The problems without their values, for compact expectations. */
function problemsOf(text: string) {
  return parseRoster(text).problems.map(({ line, column, reason, kind }) => ({ line, column, reason, kind }));
}

describe('parseRoster: CSV', () => {
  it('reads the example roster with no problem', () => {
    const roster = parseRoster(example, 'roster.csv');
    expect(roster.format).toBe('csv');
    expect(roster.problems).toEqual([]);
    expect(roster.members).toHaveLength(10);
    expect(roster.members[0]).toMatchObject({
      line: 2,
      name: 'Ada Quill',
      team: 'Platform',
      email: 'ada.quill@example.com',
    });
    expect(roster.members[0]?.accounts).toContainEqual({ site: 'x', handle: 'adaquill' });
    expect(roster.members[0]?.accounts).toContainEqual({ site: 'youtube', handle: 'adaquill' });
    expect(roster.members[0]?.accounts).toHaveLength(11);
  });

  it('sorts each link of the links column to its site', () => {
    const bruno = parseRoster(example).members[1];
    expect(bruno?.accounts).toContainEqual({ site: 'threads', handle: 'bruno.fen' });
    expect(bruno?.accounts).toContainEqual({ site: 'tiktok', handle: 'brunofen' });
    expect(bruno?.accountColumns?.get('threads:bruno.fen')).toBe('links');
  });

  it('reads several handles in one site cell only when every one is valid', () => {
    const roster = parseRoster('name,github\nAda,adaquill ada-old\nBruno,Bruno Fenwick!\n');
    expect(roster.members.map((m) => m.accounts)).toEqual([
      [
        { site: 'github', handle: 'adaquill' },
        { site: 'github', handle: 'ada-old' },
      ],
      [],
    ]);
    expect(roster.problems).toEqual([
      {
        line: 3,
        column: 'github',
        value: 'Bruno Fenwick!',
        reason: 'not a valid GitHub handle',
        kind: 'cell',
      },
    ]);
  });

  it('keeps two different accounts on one site and drops a repeated one', () => {
    const text =
      'name,github,links\nJonah,jwhitlock,"https://github.com/jonahw-old, github.com/JWhitlock; x.com/jonahw"\n';
    const [jonah] = parseRoster(text).members;
    expect(jonah?.accounts).toEqual([
      { site: 'github', handle: 'jwhitlock' },
      { site: 'github', handle: 'jonahw-old' },
      { site: 'x', handle: 'jonahw' },
    ]);
  });

  it('strips a UTF-8 BOM and reads CRLF line endings', () => {
    const roster = parseRoster('\uFEFFname,github\r\nAda,adaquill\r\nBruno,bfenwick\r\n');
    expect(roster.problems).toEqual([]);
    expect(roster.members.map((m) => [m.line, m.name, m.accounts])).toEqual([
      [2, 'Ada', [{ site: 'github', handle: 'adaquill' }]],
      [3, 'Bruno', [{ site: 'github', handle: 'bfenwick' }]],
    ]);
  });

  it('counts blank lines before the header in line numbers, and reads JSON after a BOM', () => {
    expect(parseRoster('\n\nname,github\nAda,adaquill\n').members[0]?.line).toBe(4);
    expect(parseRoster('\uFEFF{"version":1,"members":[{"name":"Ada"}]}').members[0]?.name).toBe('Ada');
  });

  it('reads tab- and semicolon-separated files by their header', () => {
    const tsv = parseRoster('name\tteam\tx\nAda Quill\tPlatform, Core\t@AdaQuill\n');
    expect(tsv.members[0]).toMatchObject({
      name: 'Ada Quill',
      team: 'Platform, Core',
      accounts: [{ site: 'x', handle: 'adaquill' }],
    });
    const semicolons = parseRoster('Name;Team;GitHub\nAda, the first;Platform;adaquill\n');
    expect(semicolons.members[0]).toMatchObject({
      name: 'Ada, the first',
      team: 'Platform',
      accounts: [{ site: 'github', handle: 'adaquill' }],
    });
  });

  it('reads quoted fields with commas, quotes and newlines, and counts file lines across them', () => {
    const text =
      'name,team,github\n"Quill, Ada","The ""A"" team\nsecond line",adaquill\n\n,,\nBruno,,not a handle!\n';
    const roster = parseRoster(text);
    expect(roster.members[0]).toMatchObject({
      line: 2,
      name: 'Quill, Ada',
      team: 'The "A" team\nsecond line',
    });
    // The quoted newline makes Ada two lines; the blank and the empty-cells rows are skipped silently.
    expect(roster.members[1]).toMatchObject({ line: 6, name: 'Bruno' });
    expect(roster.problems.map((p) => [p.line, p.value])).toEqual([[6, 'not a handle!']]);
  });

  it('matches header names case-insensitively, trimmed, with aliases, and ignores unknown columns', () => {
    const text =
      ' NAME ,Twitter,BSKY,gh,E-Mail,Notes\nAda,@AdaQuill,adaquill,AdaQ,mailto:Ada@Example.COM,likes tea\n';
    const roster = parseRoster(text);
    expect(roster.members[0]).toEqual({
      line: 2,
      name: 'Ada',
      email: 'ada@example.com',
      accounts: [
        { site: 'x', handle: 'adaquill' },
        { site: 'bluesky', handle: 'adaquill.bsky.social' },
        { site: 'github', handle: 'adaq' },
      ],
      accountColumns: new Map([
        ['x:adaquill', 'Twitter'],
        ['bluesky:adaquill.bsky.social', 'BSKY'],
        ['github:adaq', 'gh'],
      ]),
    });
    expect(roster.ignoredColumns).toEqual(['Notes']);
    expect(roster.problems).toEqual([]);
  });

  it('takes profile URLs, with or without their scheme, in a site column', () => {
    const text =
      'name,linkedin,mastodon,facebook\nAda,https://www.linkedin.com/in/Ada-Quill-4f2a91/,mastodon.social/@Ada,facebook.com/Ada.Quill.5\n';
    expect(parseRoster(text).members[0]?.accounts).toEqual([
      { site: 'linkedin', handle: 'ada-quill-4f2a91' },
      { site: 'mastodon', handle: 'ada@mastodon.social' },
      { site: 'facebook', handle: 'adaquill5' },
    ]);
  });

  it('leaves out invalid cells with line, column as written, value and reason, and keeps the rest of the row', () => {
    const text = [
      'name,GitHub,mastodon,email,x,links',
      'Ada,not a/valid/handle,ada,ada@nowhere,https://github.com/adaquill,https://example.com/ada http://x.com/ada',
      'Bruno,bfenwick,,,,',
    ].join('\n');
    const roster = parseRoster(text);
    expect(roster.members.map((m) => m.name)).toEqual(['Ada', 'Bruno']);
    expect(roster.members[0]?.accounts).toEqual([]);
    expect(roster.problems).toEqual([
      {
        line: 2,
        column: 'GitHub',
        value: 'not a/valid/handle',
        reason: 'not a GitHub profile URL',
        kind: 'cell',
      },
      {
        line: 2,
        column: 'mastodon',
        value: 'ada',
        reason: 'a Mastodon handle needs its instance, like name@mastodon.social',
        kind: 'cell',
      },
      { line: 2, column: 'email', value: 'ada@nowhere', reason: 'not a valid email address', kind: 'cell' },
      {
        line: 2,
        column: 'x',
        value: 'https://github.com/adaquill',
        reason: 'a GitHub profile in the X column',
        kind: 'cell',
      },
      {
        line: 2,
        column: 'links',
        value: 'https://example.com/ada',
        reason: 'not a profile page of a supported site',
        kind: 'cell',
      },
      {
        line: 2,
        column: 'links',
        value: 'http://x.com/ada',
        reason: 'only https:// profile links are accepted',
        kind: 'cell',
      },
    ]);
  });

  it('refuses a row with content but no name, and only that row', () => {
    expect(problemsOf('name,team,github\n,Platform,adaquill\nBruno,,bfenwick\n')).toEqual([
      { line: 2, column: 'name', reason: 'row has no name', kind: 'row' },
    ]);
    expect(parseRoster('name,team\n  ,Platform\nBruno,\n').members.map((m) => m.name)).toEqual(['Bruno']);
  });

  it('keeps hostile text as text and refuses script links', () => {
    const text =
      'name,team,github,links\n"<img src=x onerror=alert(1)>",=1+1,javascript:alert(1),javascript:alert(1)\n@SUM(A1),-2+3,,\n';
    const roster = parseRoster(text);
    expect(roster.members.map((m) => [m.name, m.team])).toEqual([
      ['<img src=x onerror=alert(1)>', '=1+1'],
      ['@SUM(A1)', '-2+3'],
    ]);
    expect(roster.problems).toEqual([
      {
        line: 2,
        column: 'github',
        value: 'javascript:alert(1)',
        reason: 'only https:// profile links are accepted',
        kind: 'cell',
      },
      {
        line: 2,
        column: 'links',
        value: 'javascript:alert(1)',
        reason: 'only https:// profile links are accepted',
        kind: 'cell',
      },
    ]);
  });

  it('drops the apostrophe that export puts before a formula-looking cell, and no other', () => {
    const roster = parseRoster("name,team\n'=Ada,'+1 team\n\"'-x\",'Platform\n");
    expect(roster.members.map((m) => [m.name, m.team])).toEqual([
      ['=Ada', '+1 team'],
      ['-x', "'Platform"],
    ]);
  });

  it('cuts a name longer than the limit and leaves out a team longer than the limit, reporting both', () => {
    const long = 'a'.repeat(MAX_TEXT_LENGTH + 1);
    const roster = parseRoster(`name,team\n${long},${long}\n`);
    expect(roster.members[0]?.name).toBe('a'.repeat(MAX_TEXT_LENGTH));
    expect(roster.members[0]?.team).toBeUndefined();
    expect(roster.problems.map((p) => [p.column, p.kind, p.value?.length])).toEqual([
      ['name', 'cell', 101],
      ['team', 'cell', 101],
    ]);
  });

  it('refuses a file without a name column, naming the column', () => {
    expect(() => parseRoster('github,team\nadaquill,Platform\n', 'team.csv')).toThrow(RosterFileError);
    expect(() => parseRoster('github,team\nadaquill,Platform\n', 'team.csv')).toThrow(
      /"team.csv" has no "name" column/,
    );
  });

  it('refuses an unclosed quote instead of swallowing the rest of the file', () => {
    expect(() => parseRoster('name,team\nAda,"Platform\nBruno,Growth\n')).toThrow(
      /line 2: a quoted field is not closed/,
    );
  });

  it('refuses empty and binary files', () => {
    expect(() => parseRoster('')).toThrow(/empty/);
    expect(() => parseRoster('\uFEFF \n\n')).toThrow(/empty/);
    expect(() => parseRoster('\u0089PNG\r\n\u001a\n\u0000\u0000\u0000\rIHDR')).toThrow(/not a text file/);
    expect(() => parseRoster('\u00ff\u00d8\u00ff\u00e0 JFIF garbage without any header')).toThrow(
      RosterFileError,
    );
  });

  it('refuses a file over the size limit, measured in UTF-8 bytes', () => {
    const oneRow = 'Ada,adaquill\n';
    const big = `name,github\n${oneRow.repeat(Math.ceil(ROSTER_LIMITS.maxBytes / oneRow.length))}`;
    expect(() => parseRoster(big)).toThrow(/larger than the limit of 5 MB/);
    // Under the limit in UTF-16 units, over it in bytes: é takes two bytes.
    const accents = `name\n${'é'.repeat(ROSTER_LIMITS.maxBytes / 2 + 10)}\n`;
    expect(accents.length).toBeLessThan(ROSTER_LIMITS.maxBytes);
    expect(() => parseRoster(accents)).toThrow(/larger than the limit/);
  });

  it('refuses more data rows than the limit, and accepts exactly the limit', () => {
    const rows = (n: number) => `name\n${Array.from({ length: n }, (_, i) => `Member ${i}`).join('\n')}\n`;
    expect(parseRoster(rows(ROSTER_LIMITS.maxRows)).members).toHaveLength(ROSTER_LIMITS.maxRows);
    expect(() => parseRoster(rows(ROSTER_LIMITS.maxRows + 1))).toThrow(
      /more than the limit of 20,000 teammates/,
    );
  });
});

describe('parseRoster: JSON', () => {
  const json = (value: unknown) => JSON.stringify(value, null, 2);

  it('reads the version 1 shape, with one handle or a list per site', () => {
    const roster = parseRoster(
      json({
        version: 1,
        members: [
          {
            name: 'Ada Quill',
            team: 'Platform',
            email: 'Ada@Example.com',
            accounts: {
              github: ['adaquill', 'ada-old'],
              twitter: '@AdaQuill',
              mastodon: 'https://mastodon.social/@ada',
            },
          },
          { name: 'Bruno' },
        ],
      }),
    );
    expect(roster.format).toBe('json');
    expect(roster.problems).toEqual([]);
    expect(roster.members).toEqual([
      {
        line: 1,
        name: 'Ada Quill',
        team: 'Platform',
        email: 'ada@example.com',
        accounts: [
          { site: 'github', handle: 'adaquill' },
          { site: 'github', handle: 'ada-old' },
          { site: 'x', handle: 'adaquill' },
          { site: 'mastodon', handle: 'ada@mastodon.social' },
        ],
        accountColumns: new Map([
          ['github:adaquill', 'accounts.github'],
          ['github:ada-old', 'accounts.github'],
          ['x:adaquill', 'accounts.twitter'],
          ['mastodon:ada@mastodon.social', 'accounts.mastodon'],
        ]),
      },
      { line: 2, name: 'Bruno', accounts: [], accountColumns: new Map() },
    ]);
  });

  it('reports member problems with the member index and the field', () => {
    const roster = parseRoster(
      json({
        version: 1,
        members: [
          { name: 'Ada', team: 7, accounts: { github: 'not valid!', myspace: 'ada', x: 42 } },
          { team: 'Platform' },
          'Bruno',
          { name: 'Cy', accounts: ['github:cy'] },
        ],
      }),
    );
    expect(roster.members.map((m) => m.name)).toEqual(['Ada', 'Cy']);
    expect(roster.problems.map(({ line, column, reason, kind }) => ({ line, column, reason, kind }))).toEqual(
      [
        { line: 1, column: 'team', reason: 'expected text', kind: 'cell' },
        { line: 1, column: 'accounts.myspace', reason: 'not a supported site', kind: 'cell' },
        { line: 1, column: 'accounts.x', reason: 'expected a handle or a list of handles', kind: 'cell' },
        { line: 1, column: 'accounts.github', reason: 'not a valid GitHub handle', kind: 'cell' },
        { line: 2, column: 'name', reason: 'member has no name', kind: 'row' },
        { line: 3, column: '', reason: 'not a teammate object', kind: 'row' },
        { line: 4, column: 'accounts', reason: 'expected an object of site: handle', kind: 'cell' },
      ],
    );
  });

  it('refuses JSON that is broken, of another version or of another shape', () => {
    expect(() => parseRoster('{ "version": 1, "members": [')).toThrow(/not valid JSON/);
    expect(() => parseRoster(json({ version: 2, members: [] }))).toThrow(
      /version 2; this TeamFollow reads version 1/,
    );
    expect(() => parseRoster(json({ version: 1, people: [] }))).toThrow(/not a TeamFollow roster/);
    expect(() => parseRoster(json([{ name: 'Ada' }]))).toThrow(RosterFileError);
  });

  it('refuses more members than the limit', () => {
    const members = Array.from({ length: ROSTER_LIMITS.maxRows + 1 }, (_, i) => ({ name: `M${i}` }));
    expect(() => parseRoster(json({ version: 1, members }))).toThrow(/more than the limit/);
  });
});

describe('parseRoster: hostile shapes answer at once', () => {
  const within = (ms: number, run: () => void) => {
    const started = performance.now();
    run();
    expect(performance.now() - started).toBeLessThan(ms);
  };

  it('reads 200,000 columns within a second and reports the unknown ones, odd names included', () => {
    const extra = Array.from({ length: 200_000 - 5 }, (_, i) => `c${i}`);
    const header = ['name', 'toString', '__proto__', 'constructor', 'hasOwnProperty', ...extra].join(',');
    const row = ['Ada', 'x', 'y', 'z', 'w', ...extra.map(() => '')].join(',');
    within(1000, () => {
      const roster = parseRoster(`${header}\n${row}\n`);
      expect(roster.members).toHaveLength(1);
      expect(roster.ignoredColumns?.slice(0, 4)).toEqual([
        'toString',
        '__proto__',
        'constructor',
        'hasOwnProperty',
      ]);
      expect(roster.ignoredColumns).toHaveLength(200_000 - 1);
    });
  });

  it('answers 100,000 nesting levels within a second, with no stack overflow', () => {
    const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    within(1000, () => {
      expect(() => parseRoster(deep)).toThrow(/not a TeamFollow roster/);
      const roster = parseRoster(
        `{"version":1,"members":[{"name":"Ada","team":${deep},"accounts":{"x":${deep},"github":{"a":${deep}}}}]}`,
      );
      expect(roster.members[0]?.name).toBe('Ada');
      expect(roster.problems.map((p) => [p.column, p.value])).toEqual([
        ['team', 'a list of 1'],
        ['accounts.x', 'a list of 1'],
        ['accounts.github', 'an object'],
      ]);
    });
  });

  it('reports values of the wrong type, objects named toString, __proto__ or constructor included', () => {
    const text = JSON.stringify({
      version: 1,
      members: [
        { name: 'Ada', team: { toString: 'x', valueOf: 1 }, email: ['a'], toString: 5 },
        { name: { toString: 'Ada' } },
        { name: 'Bo', accounts: { toString: { toString: 1 }, constructor: 'x', x: { valueOf: 2 } } },
      ],
    }).replace('"toString":5', '"toString":5,"__proto__":{"toString":1}');
    const roster = parseRoster(text);
    expect(roster.members.map((m) => m.name)).toEqual(['Ada', 'Bo']);
    expect(roster.problems.map((p) => [p.line, p.column, p.reason])).toEqual([
      [1, 'team', 'expected text'],
      [1, 'email', 'expected text'],
      [2, 'name', 'member has no name'],
      [3, 'accounts.toString', 'not a supported site'],
      [3, 'accounts.constructor', 'not a supported site'],
      [3, 'accounts.x', 'expected a handle or a list of handles'],
    ]);
    expect(roster.ignoredColumns).toEqual(['toString', '__proto__']);
    expect(() => parseRoster('{"version":{"toString":1},"members":[]}')).toThrow(/version an object/);
  });
});

describe('parseRoster: only handles a site can have', () => {
  it.each([
    ['youtube', '...', 'not a valid YouTube handle'],
    ['youtube', '.', 'not a valid YouTube handle'],
    ['mastodon', 'a@x.com', 'that host belongs to another network, not to a Mastodon instance'],
    ['mastodon', '@ada@github.com', 'that host belongs to another network, not to a Mastodon instance'],
    ['mastodon', 'ada@www.instagram.com', 'that host belongs to another network, not to a Mastodon instance'],
  ])('refuses %s %s', (site, handle, reason) => {
    const roster = parseRoster(`name,${site}\nAda,${handle}\n`);
    expect(roster.members[0]?.accounts).toEqual([]);
    expect(roster.problems.map((p) => p.reason)).toEqual([reason]);
  });

  it('stores canonical handles that read back the same', () => {
    const text = `name,mastodon,youtube,linkedin\nAda,Ada@Social.Example,@A\u0308da,https://www.linkedin.com/in/A%CC%88da/\n`;
    const [ada] = parseRoster(text).members;
    expect(ada?.accounts.map((a) => a.handle)).toEqual(['ada@social.example', 'äda', 'äda']);
    for (const account of ada?.accounts ?? []) {
      expect(parseRoster(`name,${account.site}\nAda,${account.handle}\n`).members[0]?.accounts).toEqual([
        account,
      ]);
    }
  });
});
