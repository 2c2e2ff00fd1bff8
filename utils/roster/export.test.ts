import { readFileSync } from 'node:fs';
import { IDBFactory } from 'fake-indexeddb';
import Papa from 'papaparse';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listMembers, openTeamDb, type TeamDb } from '../db';
import type { Member } from '../model';
import {
  escapeMarkdown,
  exportCsv,
  exportJson,
  exportMastodonCsv,
  exportMastodonListsCsv,
  exportTeamCsv,
  exportTeamMarkdown,
  membersByTeam,
  memberToJson,
  teamFileName,
} from './export';
import { importRoster } from './import';

const example = readFileSync(new URL('../../examples/roster.csv', import.meta.url), 'utf8');

function member(fields: Partial<Member> & Pick<Member, 'name' | 'accounts'>): Member {
  return {
    id: crypto.randomUUID(),
    accountKeys: fields.accounts.map((a) => `${a.site}:${a.handle}`),
    ...fields,
  };
}

const ada = member({
  name: 'Ada Quill',
  team: 'Platform',
  email: 'ada@example.com',
  accounts: [
    { site: 'x', handle: 'adaquill' },
    { site: 'github', handle: 'adaquill' },
    { site: 'github', handle: 'ada-old' },
    { site: 'mastodon', handle: 'ada@mastodon.social' },
  ],
});
const hostile = member({
  name: '<img src=x onerror=alert(1)>',
  team: '=1+1',
  accounts: [{ site: 'mastodon', handle: 'eve@infosec.exchange' }],
});
const tricky = member({ name: 'Quill, "Q" \nsecond line', team: '-x', email: 'q@example.com', accounts: [] });

let db: TeamDb;

beforeEach(async () => {
  globalThis.indexedDB = new IDBFactory();
  db = await openTeamDb('export-test');
});

afterEach(() => {
  db.close();
});

/** Members without ids, in name order: what a round trip must keep. */
async function rosterOf(): Promise<Omit<Member, 'id'>[]> {
  return (await listMembers(db))
    .map(({ id: _id, ...rest }) => rest)
    .sort((a, b) => a.name.localeCompare(b.name));
}

describe('exportJson', () => {
  it('writes the version 1 shape: one handle as text, several as a list, no id', () => {
    expect(JSON.parse(exportJson([ada, hostile]))).toEqual({
      version: 1,
      members: [
        {
          name: 'Ada Quill',
          team: 'Platform',
          email: 'ada@example.com',
          accounts: { x: 'adaquill', github: ['adaquill', 'ada-old'], mastodon: 'ada@mastodon.social' },
        },
        {
          name: '<img src=x onerror=alert(1)>',
          team: '=1+1',
          accounts: { mastodon: 'eve@infosec.exchange' },
        },
      ],
    });
    expect(memberToJson(tricky)).toEqual({
      name: tricky.name,
      team: '-x',
      email: 'q@example.com',
      accounts: {},
    });
  });

  it('round-trips through import into an empty database', async () => {
    await importRoster(db, example);
    const original = await rosterOf();
    const json = exportJson(await listMembers(db));
    globalThis.indexedDB = new IDBFactory();
    db.close();
    db = await openTeamDb('export-test');
    const summary = await importRoster(db, json, 'roster.json');
    expect(summary).toMatchObject({ imported: 10, added: 10, rejected: 0 });
    expect(await rosterOf()).toEqual(original);
  });

  it('round-trips hostile and multi-account members as they are', async () => {
    await importRoster(db, exportJson([ada, hostile, tricky]));
    expect(await rosterOf()).toEqual(
      [ada, hostile, tricky].map(({ id: _id, ...rest }) => rest).sort((a, b) => a.name.localeCompare(b.name)),
    );
  });
});

describe('exportCsv', () => {
  it('writes the header in site order, CRLF, spaces between accounts of one site', () => {
    const csv = exportCsv([ada]);
    const [header, row, end] = csv.split('\r\n');
    expect(header).toBe(
      'name,team,email,x,linkedin,github,bluesky,mastodon,threads,instagram,facebook,youtube,tiktok,reddit',
    );
    expect(row).toBe(
      'Ada Quill,Platform,ada@example.com,adaquill,,adaquill ada-old,,ada@mastodon.social,,,,,,',
    );
    expect(end).toBe('');
  });

  it('neutralises cells a spreadsheet would run as formulas, including multi-line ones, and quotes where needed', () => {
    const formulas = member({
      name: '@SUM(A1)',
      team: '=1+1\nsecond line',
      email: '+x@example.com',
      accounts: [],
    });
    const cells = Papa.parse<string[]>(exportCsv([hostile, tricky, formulas]), { newline: '\r\n' }).data;
    expect(cells.slice(1, 4).map((row) => row.slice(0, 3))).toEqual([
      ['<img src=x onerror=alert(1)>', "'=1+1", ''],
      ['Quill, "Q" \nsecond line', "'-x", 'q@example.com'],
      ["'@SUM(A1)", "'=1+1\nsecond line", "'+x@example.com"],
    ]);
  });

  it('round-trips through import, formula-looking text included', async () => {
    await importRoster(db, example);
    const original = await rosterOf();
    const csv = exportCsv(await listMembers(db));
    globalThis.indexedDB = new IDBFactory();
    db.close();
    db = await openTeamDb('export-test');
    expect(await importRoster(db, csv, 'roster.csv')).toMatchObject({ imported: 10, added: 10, rejected: 0 });
    expect(await rosterOf()).toEqual(original);

    db.close();
    globalThis.indexedDB = new IDBFactory();
    db = await openTeamDb('export-test');
    await importRoster(db, exportCsv([ada, hostile, tricky]));
    expect((await rosterOf()).map((m) => [m.name, m.team, m.accountKeys])).toEqual([
      ['<img src=x onerror=alert(1)>', '=1+1', ['mastodon:eve@infosec.exchange']],
      [
        'Ada Quill',
        'Platform',
        ['x:adaquill', 'github:adaquill', 'github:ada-old', 'mastodon:ada@mastodon.social'],
      ],
      ['Quill, "Q" \nsecond line', '-x', []],
    ]);
  });
});

describe('exportMastodonCsv', () => {
  it("writes Mastodon's follow import: one line per Mastodon account, each once", () => {
    expect(exportMastodonCsv([ada, hostile, tricky, ada])).toBe(
      'Account address,Show boosts\r\nada@mastodon.social,true\r\neve@infosec.exchange,true\r\n',
    );
    expect(exportMastodonCsv([])).toBe('Account address,Show boosts\r\n');
  });
});

describe('export then import', () => {
  // Names as people and tools write them: control characters, a leading apostrophe, the longest name kept.
  const awkward = [
    member({ name: 'Ada\rQuill', team: 'Line\r\nends\rall\nkinds', accounts: [] }),
    member({ name: 'Nul\u0000in the middle', team: 'Tab\tand\u0001\u001f\u007f', accounts: [] }),
    member({ name: "'quoted", team: "''twice", accounts: [] }),
    member({ name: "'=not a formula", team: "'+1", accounts: [] }),
    member({ name: `${'a'.repeat(198)}😀`, accounts: [{ site: 'x', handle: 'long' }] }),
    member({ name: 'é'.normalize('NFD'), accounts: [{ site: 'github', handle: 'nfd' }] }),
  ];

  it.each([
    ['CSV', exportCsv],
    ['JSON', exportJson],
  ])('gives back exactly what was there through %s', async (_format, write) => {
    const summary = await importRoster(db, write(awkward));
    expect(summary).toMatchObject({ imported: awkward.length, added: awkward.length, rejected: 0 });
    expect(await rosterOf()).toEqual(
      awkward.map(({ id: _id, ...rest }) => rest).sort((a, b) => a.name.localeCompare(b.name)),
    );
    // And once more: nothing changes on a second round.
    const again = await importRoster(db, write(await listMembers(db)));
    expect(again).toMatchObject({ added: 0, merged: awkward.length, rejected: 0 });
  });

  it('cuts a name over 200 characters on a whole character, and the cut name survives the round trip', async () => {
    const long = `${'a'.repeat(199)}😀tail`;
    const first = await importRoster(db, `name,x\n${long},cut\n`);
    expect(first.rejected).toBe(1);
    const [cut] = await listMembers(db);
    expect(cut?.name).toBe('a'.repeat(199));
    expect((await importRoster(db, exportCsv(await listMembers(db)))).rejected).toBe(0);
    expect((await listMembers(db))[0]?.name).toBe('a'.repeat(199));
  });
});

describe('exportMastodonListsCsv', () => {
  it("writes Mastodon's lists import: one row per teammate's Mastodon account, the team as the list, Team without one", () => {
    const loner = member({ name: 'Lone', accounts: [{ site: 'mastodon', handle: 'lone@mas.to' }] });
    const two = member({
      name: 'Two',
      team: 'Design, "UX"',
      accounts: [
        { site: 'mastodon', handle: 'two@mas.to' },
        { site: 'mastodon', handle: 'two@hachyderm.io' },
        { site: 'x', handle: 'two' },
      ],
    });
    expect(exportMastodonListsCsv([ada, loner, two, tricky, ada])).toBe(
      [
        'List name,Account address',
        'Platform,ada@mastodon.social',
        'Team,lone@mas.to',
        '"Design, ""UX""",two@mas.to',
        '"Design, ""UX""",two@hachyderm.io',
        '',
      ].join('\r\n'),
    );
    expect(exportMastodonListsCsv([])).toBe('List name,Account address\r\n');
  });

  it('keeps a list name as Mastodon should show it (no formula guard: the file is for Mastodon)', () => {
    const rows = Papa.parse<string[]>(exportMastodonListsCsv([hostile]), { newline: '\r\n' }).data;
    expect(rows[1]).toEqual(['=1+1', 'eve@infosec.exchange']);
  });
});

describe('team tables', () => {
  const cleo = member({ name: 'Cleo', accounts: [{ site: 'bluesky', handle: 'cleo.bsky.social' }] });

  it('groups by team in reading order, teammates without a team last', () => {
    expect(
      membersByTeam([cleo, ada, hostile, tricky]).map((g) => [g.team, g.members.map((m) => m.name)]),
    ).toEqual([
      ['-x', [tricky.name]],
      ['=1+1', [hostile.name]],
      ['Platform', ['Ada Quill']],
      ['Without a team', ['Cleo']],
    ]);
  });

  it('writes Markdown: a heading and a table per team, handles as profile links, names escaped', () => {
    const md = exportTeamMarkdown([ada, hostile, cleo]);
    expect(md).toBe(
      [
        '## =1+1',
        '',
        '| Name | Mastodon |',
        '| --- | --- |',
        '| &lt;img src=x onerror=alert(1)> | [eve@infosec.exchange](<https://infosec.exchange/@eve>) |',
        '',
        '## Platform',
        '',
        '| Name | X | GitHub | Mastodon |',
        '| --- | --- | --- | --- |',
        '| Ada Quill | [adaquill](<https://x.com/adaquill>) | [adaquill](<https://github.com/adaquill>), [ada-old](<https://github.com/ada-old>) | [ada@mastodon.social](<https://mastodon.social/@ada>) |',
        '',
        '## Without a team',
        '',
        '| Name | Bluesky |',
        '| --- | --- |',
        '| Cleo | [cleo.bsky.social](<https://bsky.app/profile/cleo.bsky.social>) |',
        '',
      ].join('\n'),
    );
  });

  it('escapes what Markdown would read as syntax, and keeps a table cell on one line', () => {
    expect(escapeMarkdown('a|b *c* _d_ [e](f) `g` #h ~i~ $j$ \\ &amp; <b>\nnext')).toBe(
      'a\\|b \\*c\\* \\_d\\_ \\[e\\](f) \\`g\\` \\#h \\~i\\~ \\$j\\$ \\\\ &amp;amp; &lt;b> next',
    );
    const md = exportTeamMarkdown([
      member({ name: 'Pipe | name', team: 'T', accounts: [{ site: 'x', handle: 'under_score' }] }),
    ]);
    expect(md).toContain('| Pipe \\| name | [under\\_score](<https://x.com/under_score>) |');
  });

  it('writes CSV with profile links per network, formula-safe, no emails', () => {
    const [header, hostileRow, adaRow] = Papa.parse<string[]>(exportTeamCsv([ada, hostile]), {
      newline: '\r\n',
    }).data;
    expect(header).toEqual(['name', 'team', 'x', 'github', 'mastodon']);
    expect(hostileRow).toEqual([
      '<img src=x onerror=alert(1)>',
      "'=1+1",
      '',
      '',
      'https://infosec.exchange/@eve',
    ]);
    expect(adaRow).toEqual([
      'Ada Quill',
      'Platform',
      'https://x.com/adaquill',
      'https://github.com/adaquill https://github.com/ada-old',
      'https://mastodon.social/@ada',
    ]);
    expect(exportTeamCsv([ada])).not.toContain('ada@example.com');
  });

  it('re-imports each team CSV through the normal import: the same names, teams and accounts', async () => {
    await importRoster(db, example);
    const all = await listMembers(db);
    const shape = (members: Member[]) =>
      members
        .map((m) => [m.name, m.team, m.accountKeys])
        .sort((a, b) => String(a[0]).localeCompare(String(b[0])));
    for (const { members } of membersByTeam(all)) {
      db.close();
      globalThis.indexedDB = new IDBFactory();
      db = await openTeamDb('export-test');
      const summary = await importRoster(db, exportTeamCsv(members), 'team.csv');
      expect(summary).toMatchObject({ imported: members.length, rejected: 0 });
      expect(shape(await listMembers(db))).toEqual(shape(members));
    }
  });
});

describe('teamFileName', () => {
  it.each([
    [undefined, 'teamfollow-teams'],
    ['Platform', 'teamfollow-team-platform'],
    ['Équipe Café / R&D', 'teamfollow-team-equipe-cafe-r-d'],
    ['開発チーム', 'teamfollow-team-開発チーム'],
    ['=1+1', 'teamfollow-team-1-1'],
    ['../..', 'teamfollow-team-unnamed'],
  ])('names the %s table %s', (team, name) => {
    expect(teamFileName(team)).toBe(name);
  });
});
