import { readFileSync } from 'node:fs';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { findMemberByAccount, listMembers, openTeamDb, putMember, type TeamDb } from '../db';
import type { Member } from '../model';
import { importRoster } from './import';
import { ROSTER_LIMITS, RosterFileError } from './types';

const example = readFileSync(new URL('../../examples/roster.csv', import.meta.url), 'utf8');

let db: TeamDb;

beforeEach(async () => {
  globalThis.indexedDB = new IDBFactory();
  db = await openTeamDb('import-test');
});

afterEach(() => {
  db.close();
});

async function seed(...members: Omit<Member, 'accountKeys'>[]): Promise<void> {
  for (const member of members) await putMember(db, { ...member, accountKeys: [] });
}

/** Members without their ids, in name order, for comparing whole rosters. */
async function rosterOf(): Promise<Omit<Member, 'id'>[]> {
  const members = await listMembers(db);
  return members.map(({ id: _id, ...rest }) => rest).sort((a, b) => a.name.localeCompare(b.name));
}

describe('importRoster', () => {
  it('imports the example roster: 10 teammates, no problem, each found by every account', async () => {
    const summary = await importRoster(db, example, 'roster.csv');
    expect(summary).toMatchObject({ imported: 10, added: 10, merged: 0, rejected: 0, problems: [] });
    const members = await listMembers(db);
    expect(members).toHaveLength(10);
    for (const member of members) {
      expect(member.id).toMatch(/^[0-9a-f-]{36}$/);
      expect(member.accountKeys).toEqual(member.accounts.map((a) => `${a.site}:${a.handle}`));
    }
    expect((await findMemberByAccount(db, 'github', 'jonahw-old'))?.name).toBe('Jonah Whitlock');
    expect((await findMemberByAccount(db, 'bluesky', 'jonah.bsky.social'))?.name).toBe('Jonah Whitlock');
    expect((await findMemberByAccount(db, 'x', 'gretalindq'))?.name).toBe('Greta Lindqvist');
  });

  it('is idempotent: importing the same file again merges everyone and changes nothing', async () => {
    await importRoster(db, example);
    const before = await listMembers(db);
    const put = vi.spyOn(IDBObjectStore.prototype, 'put');
    const summary = await importRoster(db, example);
    expect(summary).toMatchObject({ imported: 10, added: 0, merged: 10, rejected: 0 });
    expect(await listMembers(db)).toEqual(before);
    // Nothing changed, so nothing was written.
    expect(put).not.toHaveBeenCalled();
  });

  it('merges by email, case-insensitively, keeping the id and adding accounts', async () => {
    await seed({
      id: 'ada',
      name: 'Ada',
      email: 'ada@example.com',
      accounts: [{ site: 'github', handle: 'adaquill' }],
    });
    const summary = await importRoster(db, 'name,team,email,x\nAda Quill,Core,ADA@Example.com,@AdaQ\n');
    expect(summary).toMatchObject({ imported: 1, added: 0, merged: 1, rejected: 0 });
    expect(await listMembers(db)).toEqual([
      {
        id: 'ada',
        name: 'Ada Quill',
        team: 'Core',
        email: 'ada@example.com',
        accounts: [
          { site: 'x', handle: 'adaq' },
          { site: 'github', handle: 'adaquill' },
        ],
        accountKeys: ['x:adaq', 'github:adaquill'],
      },
    ]);
  });

  it('merges by a shared account when no email matches, keeping what the file leaves empty', async () => {
    await seed({
      id: 'bruno',
      name: 'Bruno Fenwick',
      team: 'Platform',
      accounts: [{ site: 'x', handle: 'brunofen' }],
    });
    const summary = await importRoster(
      db,
      'name,team,email,x,github\nbruno  fenwick,,bruno@example.com,brunofen,bfenwick\n',
    );
    expect(summary).toMatchObject({ imported: 1, added: 0, merged: 1, rejected: 0 });
    const [bruno] = await listMembers(db);
    expect(bruno).toMatchObject({
      id: 'bruno',
      name: 'bruno  fenwick',
      team: 'Platform',
      email: 'bruno@example.com',
    });
    expect(bruno?.accountKeys).toEqual(['x:brunofen', 'github:bfenwick']);
    expect((await findMemberByAccount(db, 'github', 'bfenwick'))?.id).toBe('bruno');
  });

  it('merges rows of one file that are the same person and counts that teammate once', async () => {
    const text = 'name,email,github,x\nAda,ada@example.com,adaquill,\nada,,adaquill,adaq\nBruno,,bfenwick,\n';
    const summary = await importRoster(db, text);
    expect(summary).toMatchObject({ imported: 2, added: 2, merged: 0, rejected: 0 });
    expect(await rosterOf()).toEqual([
      {
        name: 'ada',
        email: 'ada@example.com',
        accounts: [
          { site: 'x', handle: 'adaq' },
          { site: 'github', handle: 'adaquill' },
        ],
        accountKeys: ['x:adaq', 'github:adaquill'],
      },
      { name: 'Bruno', accounts: [{ site: 'github', handle: 'bfenwick' }], accountKeys: ['github:bfenwick'] },
    ]);
  });

  it('leaves an account with the teammate who already has it, and reports it', async () => {
    await seed(
      { id: 'ada', name: 'Ada', email: 'ada@example.com', accounts: [] },
      { id: 'bruno', name: 'Bruno', accounts: [{ site: 'github', handle: 'bfenwick' }] },
    );
    const summary = await importRoster(db, 'name,email,GitHub\nAda,ada@example.com,bfenwick\n');
    expect(summary).toMatchObject({ imported: 1, merged: 1, rejected: 1 });
    expect(summary.problems).toEqual([
      {
        line: 2,
        column: 'GitHub',
        value: 'bfenwick',
        reason: 'already belongs to teammate "Bruno"',
        kind: 'cell',
      },
    ]);
    expect((await findMemberByAccount(db, 'github', 'bfenwick'))?.id).toBe('bruno');
  });

  describe('a row never takes over another teammate', () => {
    const ada = {
      id: 'ada',
      name: 'Ada Quill',
      team: 'Core',
      email: 'ada@example.com',
      accounts: [{ site: 'github' as const, handle: 'adaquill' }],
    };

    it('keeps an account with the teammate of another email and lands the row as its own teammate', async () => {
      await seed(ada);
      const summary = await importRoster(db, 'name,email,github,x\nBo New,bo@example.com,adaquill,bonew\n');
      expect(summary).toMatchObject({ imported: 1, added: 1, merged: 0, rejected: 1 });
      expect(summary.problems).toEqual([
        {
          line: 2,
          column: 'github',
          value: 'adaquill',
          reason: 'already belongs to teammate "Ada Quill", who has another email',
          kind: 'cell',
        },
      ]);
      const { id: _id, ...adaAsSeeded } = ada;
      expect(await rosterOf()).toEqual([
        { ...adaAsSeeded, accountKeys: ['github:adaquill'] },
        {
          name: 'Bo New',
          email: 'bo@example.com',
          accounts: [{ site: 'x', handle: 'bonew' }],
          accountKeys: ['x:bonew'],
        },
      ]);
    });

    it('never writes a row’s name or email over a teammate’s, even when the emails are the only difference', async () => {
      await seed(ada);
      await importRoster(db, 'name,email,github\nAda Quill,other@example.com,adaquill\n');
      expect(await findMemberByAccount(db, 'github', 'adaquill')).toMatchObject({
        id: 'ada',
        name: 'Ada Quill',
        email: 'ada@example.com',
      });
    });

    it('does not rename a teammate through a shared account alone', async () => {
      await seed({ ...ada, email: undefined });
      const summary = await importRoster(db, 'name,github,x\nBo New,adaquill,bonew\n');
      expect(summary).toMatchObject({ added: 1, merged: 0, rejected: 1 });
      expect(await findMemberByAccount(db, 'github', 'adaquill')).toMatchObject({
        id: 'ada',
        name: 'Ada Quill',
      });
      expect((await findMemberByAccount(db, 'x', 'bonew'))?.name).toBe('Bo New');
      expect(summary.leavers).toEqual([{ id: 'ada', name: 'Ada Quill' }]);
    });

    it('keeps two rows of one file with other names apart when they list the same account', async () => {
      const summary = await importRoster(db, 'name,github\nAda,adaquill\nBo,adaquill\n');
      expect(summary).toMatchObject({ imported: 2, added: 2, rejected: 1 });
      expect(summary.problems[0]?.reason).toBe(
        'already belongs to teammate "Ada": the names differ and no email says they are one person',
      );
      expect((await rosterOf()).map((m) => [m.name, m.accountKeys])).toEqual([
        ['Ada', ['github:adaquill']],
        ['Bo', []],
      ]);
    });
  });

  it('re-imports teammates with no email and no account as they were, matched on name plus team, and says so', async () => {
    const text = 'name,team\nCy,Core\nCy,Core\nDee,\nCy,Web\n';
    const first = await importRoster(db, text);
    expect(first).toMatchObject({ imported: 4, added: 4, matchedByName: [] });
    const before = await rosterOf();
    const put = vi.spyOn(IDBObjectStore.prototype, 'put');
    const again = await importRoster(db, text);
    expect(again).toMatchObject({ imported: 4, added: 0, merged: 4, rejected: 0, leavers: [] });
    expect(again.matchedByName).toEqual(['Cy', 'Cy', 'Dee', 'Cy']);
    expect(await rosterOf()).toEqual(before);
    expect(put).not.toHaveBeenCalled();
  });

  it('gives a namesake found by name and team the accounts the file now lists', async () => {
    await importRoster(db, 'name,team\nCy,Core\n');
    const summary = await importRoster(db, 'name,team,github\ncy,core,cyberg\n');
    expect(summary).toMatchObject({ added: 0, merged: 1, matchedByName: ['Cy'] });
    expect(await rosterOf()).toMatchObject([{ name: 'Cy', team: 'core', accountKeys: ['github:cyberg'] }]);
  });

  it('keeps namesakes in one team apart when both have other accounts', async () => {
    await importRoster(db, 'name,team,github\nAlex,Core,alex-one\n');
    const summary = await importRoster(db, 'name,team,github\nAlex,Core,alex-two\n');
    expect(summary).toMatchObject({ added: 1, merged: 0, matchedByName: [] });
    expect((await rosterOf()).flatMap((m) => m.accountKeys).sort()).toEqual([
      'github:alex-one',
      'github:alex-two',
    ]);
  });

  it('counts leavers and lists joiners, and removes no one', async () => {
    await importRoster(db, 'name,email\nAda,ada@example.com\nBo,bo@example.com\nCy,\nDee,\n');
    const summary = await importRoster(db, 'name,email\nAda,ada@example.com\nDee,\nEve,\n');
    expect(summary).toMatchObject({ imported: 3, added: 1, merged: 2, joiners: ['Eve'] });
    expect(summary.leavers?.map((m) => m.name).sort()).toEqual(['Bo', 'Cy']);
    expect(await listMembers(db)).toHaveLength(5);
  });

  it('lands rows with their valid cells and counts refused rows and left-out cells as rejected', async () => {
    const text = 'name,github,x\nAda,adaquill,not valid!\n,bfenwick,\nCy,,\n';
    const summary = await importRoster(db, text);
    expect(summary).toMatchObject({ imported: 2, added: 2, rejected: 2 });
    expect(summary.problems.map((p) => [p.line, p.kind])).toEqual([
      [2, 'cell'],
      [3, 'row'],
    ]);
    expect((await rosterOf()).map((m) => [m.name, m.accountKeys])).toEqual([
      ['Ada', ['github:adaquill']],
      ['Cy', []],
    ]);
  });

  it('writes nothing when the file as a whole is refused', async () => {
    await seed({ id: 'ada', name: 'Ada', accounts: [] });
    await expect(importRoster(db, 'github\nadaquill\n')).rejects.toThrow(RosterFileError);
    const tooMany = `name\n${'Someone\n'.repeat(ROSTER_LIMITS.maxRows + 1)}`;
    await expect(importRoster(db, tooMany)).rejects.toThrow(/limit/);
    expect((await listMembers(db)).map((m) => m.id)).toEqual(['ada']);
  });

  it('leaves the database as it was when a write fails midway', async () => {
    await seed({ id: 'ada', name: 'Ada', email: 'ada@example.com', accounts: [] });
    const before = await listMembers(db);
    const put = IDBObjectStore.prototype.put;
    let calls = 0;
    // The first write (Ada, merged) goes through; the second fails as a broken disk or quota would.
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, ...args) {
      if (++calls === 2) throw new DOMException('disk full', 'QuotaExceededError');
      return put.apply(this, args);
    });
    const text = 'name,email,github\nAda Quill,ada@example.com,adaquill\nBruno,,bfenwick\nCy,,cy\n';
    await expect(importRoster(db, text)).rejects.toThrow('disk full');
    expect(calls).toBe(2);
    vi.restoreAllMocks();
    expect(await listMembers(db)).toEqual(before);
  });

  it('imports 10,000 rows in one go', async () => {
    const rows = Array.from(
      { length: 10_000 },
      (_, i) => `Member ${i},Team ${i % 7},m${i}@example.com,user${i},user${i}`,
    );
    const text = `name,team,email,github,reddit\n${rows.join('\n')}\n`;
    const summary = await importRoster(db, text);
    expect(summary).toMatchObject({ imported: 10_000, added: 10_000, rejected: 0 });
    expect((await findMemberByAccount(db, 'reddit', 'user9999'))?.email).toBe('m9999@example.com');
    const again = await importRoster(db, text);
    expect(again).toMatchObject({ imported: 10_000, added: 0, merged: 10_000 });
    expect(await listMembers(db)).toHaveLength(10_000);
  }, 30_000);
});
