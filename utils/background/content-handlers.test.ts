import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getFollow, openTeamDb, putFollow, putMember, type TeamDb } from '../db';
import { handleContentMessage } from './content-handlers';

let db: TeamDb;

beforeEach(async () => {
  globalThis.indexedDB = new IDBFactory();
  db = await openTeamDb();
  await putMember(db, {
    id: 'm1',
    name: 'Ada Quill',
    team: 'Platform',
    email: 'ada@example.com',
    accounts: [
      { site: 'reddit', handle: 'ada_quill' },
      { site: 'reddit', handle: 'ada_alt' },
    ],
    accountKeys: [],
  });
});
afterEach(() => db.close());

const NOW = () => 1_700_000_000_000;

describe('lookup', () => {
  it('answers the teammate for any of their accounts, with only id and name', async () => {
    const answer = await handleContentMessage(db, { type: 'lookup', site: 'reddit', handle: 'ada_alt' });
    expect(answer).toEqual({ ok: true, member: { id: 'm1', name: 'Ada Quill' }, follow: null });
    expect(JSON.stringify(answer)).not.toContain('ada@example.com');
    expect(JSON.stringify(answer)).not.toContain('Platform');
  });

  it('answers nothing for someone who is not on the roster', async () => {
    expect(await handleContentMessage(db, { type: 'lookup', site: 'reddit', handle: 'stranger' })).toEqual({
      ok: true,
      member: null,
      follow: null,
    });
  });

  it('includes the recorded follow state', async () => {
    await putFollow(db, { key: 'reddit:ada_quill', state: 'following', checkedAt: 5, source: 'page' });
    const answer = await handleContentMessage(db, { type: 'lookup', site: 'reddit', handle: 'ada_quill' });
    expect(answer).toMatchObject({ ok: true, follow: { state: 'following', checkedAt: 5, source: 'page' } });
  });
});

describe('report-state', () => {
  it('records the state of a teammate with the time it was seen', async () => {
    const message = {
      type: 'report-state',
      site: 'reddit',
      handle: 'ada_quill',
      state: 'not-following',
      source: 'page',
    };
    expect(await handleContentMessage(db, { ...message, followsYou: true }, { now: NOW })).toEqual({
      ok: true,
      recorded: true,
    });
    expect(await getFollow(db, 'reddit', 'ada_quill')).toEqual({
      key: 'reddit:ada_quill',
      state: 'not-following',
      followsYou: true,
      checkedAt: NOW(),
      source: 'page',
    });
  });

  it('stores nothing about people who are not on the roster', async () => {
    const message = {
      type: 'report-state',
      site: 'reddit',
      handle: 'stranger',
      state: 'following',
      source: 'page',
    };
    expect(await handleContentMessage(db, message, { now: NOW })).toEqual({ ok: true, recorded: false });
    expect(await db.count('follows')).toBe(0);
  });

  it('never lets unknown overwrite a state that was seen', async () => {
    await putFollow(db, { key: 'reddit:ada_quill', state: 'following', checkedAt: 5, source: 'page' });
    const message = {
      type: 'report-state',
      site: 'reddit',
      handle: 'ada_quill',
      state: 'unknown',
      source: 'page',
    };
    expect(await handleContentMessage(db, message, { now: NOW })).toEqual({ ok: true, recorded: false });
    expect((await getFollow(db, 'reddit', 'ada_quill'))?.state).toBe('following');
  });
});

describe('refuses what a content script should not ask', () => {
  it.each([
    ['no type', { site: 'reddit', handle: 'ada_quill' }],
    ['an unknown type', { type: 'list-members' }],
    ['a write of members', { type: 'put-member', member: { id: 'x', name: 'Eve' } }],
    ['an unknown site', { type: 'lookup', site: 'myspace', handle: 'tom' }],
    ['a non-canonical handle', { type: 'lookup', site: 'reddit', handle: 'Ada_Quill' }],
    ['an invalid handle', { type: 'lookup', site: 'reddit', handle: '<script>' }],
    ['a handle that is not a string', { type: 'lookup', site: 'reddit', handle: { $gt: '' } }],
    ['extra fields', { type: 'lookup', site: 'reddit', handle: 'ada_quill', all: true }],
    [
      'an invalid state',
      { type: 'report-state', site: 'reddit', handle: 'ada_quill', state: 'blocked', source: 'page' },
    ],
    [
      'the api source',
      { type: 'report-state', site: 'reddit', handle: 'ada_quill', state: 'following', source: 'api' },
    ],
    ['null', null],
    ['a string', 'lookup'],
  ])('%s', async (_label, message) => {
    const answer = await handleContentMessage(db, message, { now: NOW });
    expect(answer.ok).toBe(false);
    expect(await db.count('follows')).toBe(0);
  });
});

describe('a follow made from the flag', () => {
  it('is recorded with source action and logged in the history', async () => {
    const message = {
      type: 'report-state',
      site: 'reddit',
      handle: 'ada_quill',
      state: 'following',
      source: 'action',
    };
    expect(await handleContentMessage(db, message, { now: NOW })).toEqual({ ok: true, recorded: true });
    expect((await getFollow(db, 'reddit', 'ada_quill'))?.source).toBe('action');
    expect(await db.getAll('actions')).toEqual([
      { id: 1, at: NOW(), site: 'reddit', handle: 'ada_quill', kind: 'follow', via: 'page', result: 'ok' },
    ]);
  });

  it('logs nothing for a state merely seen on the page', async () => {
    const message = {
      type: 'report-state',
      site: 'reddit',
      handle: 'ada_quill',
      state: 'following',
      source: 'page',
    };
    await handleContentMessage(db, message, { now: NOW });
    expect(await db.count('actions')).toBe(0);
  });
});

describe('report-list', () => {
  const own = { now: NOW, ownHandles: async () => ['lead'] };
  const list = (owner: string, handles: string[]) => ({
    type: 'report-list',
    site: 'reddit',
    owner,
    handles,
  });

  it('records teammates in your own following list as followed, and no one else', async () => {
    const answer = await handleContentMessage(db, list('lead', ['ada_alt', 'stranger', 'ada_alt']), own);
    expect(answer).toEqual({ ok: true, recorded: true });
    expect(await db.getAll('follows')).toEqual([
      { key: 'reddit:ada_alt', state: 'following', checkedAt: NOW(), source: 'list' },
    ]);
  });

  it('ignores the following list of someone else', async () => {
    expect(await handleContentMessage(db, list('someone', ['ada_alt']), own)).toEqual({
      ok: true,
      recorded: false,
    });
    expect(await db.count('follows')).toBe(0);
  });

  it('refuses lists with invalid handles or too many entries', async () => {
    expect((await handleContentMessage(db, list('lead', ['<b>x</b>']), own)).ok).toBe(false);
    const many = Array.from({ length: 501 }, (_, i) => `user${i}`);
    expect((await handleContentMessage(db, list('lead', many), own)).ok).toBe(false);
    expect(await db.count('follows')).toBe(0);
  });
});
