import { afterEach, describe, expect, it } from 'vitest';
import { useLanguage } from '../tests/helpers/i18n';
import type { Member } from '../utils/model';
import { parseRoster } from '../utils/roster/parse';
import type { SiteId } from '../utils/sites/index';
import {
  emptyMember,
  formFromMember,
  hasErrors,
  memberFromForm,
  parseHandles,
  validateForm,
} from './member-form';

const ada: Member = {
  id: 'ada',
  name: 'Ada Quill',
  team: 'Platform',
  accounts: [
    { site: 'x', handle: 'adaquill' },
    { site: 'github', handle: 'adaquill' },
    { site: 'github', handle: 'ada-work' },
  ],
  accountKeys: ['x:adaquill', 'github:adaquill', 'github:ada-work'],
};

describe('member form', () => {
  it('shows several handles of one site in one field, separated by spaces', () => {
    const form = formFromMember(ada);
    expect(form).toEqual({
      name: 'Ada Quill',
      team: 'Platform',
      email: '',
      handles: { x: 'adaquill', github: 'adaquill ada-work' },
    });
  });

  it('round-trips a member (accounts in site order) unchanged', () => {
    expect(memberFromForm('ada', formFromMember(ada))).toEqual({ ...ada, accountKeys: [] });
  });

  it('normalises what people type or paste: @, case, profile links, duplicates', () => {
    expect(parseHandles('x', '@AdaQuill, https://x.com/adaquill  x.com/Bob')).toEqual({
      handles: ['adaquill', 'bob'],
      invalid: [],
    });
    expect(parseHandles('mastodon', 'ada')).toEqual({ handles: [], invalid: ['ada'] });
  });

  it('reports an invalid handle per site with the site name, and a missing name', () => {
    const errors = validateForm({
      name: '  ',
      team: '',
      email: '',
      handles: { x: 'not a/handle!', github: 'ok-user' },
    });
    expect(errors.name).toBe('A name is required');
    expect(errors.sites.x).toMatch(/not a valid X handle/);
    expect(errors.sites.github).toBeUndefined();
    expect(hasErrors(errors)).toBe(true);
    expect(
      memberFromForm('id', { name: 'Bo', team: '', email: '', handles: { github: '-bad-' } }),
    ).toBeNull();
  });

  it('treats an empty site field as no account and leaves out empty team and email', () => {
    const member = memberFromForm('new', {
      name: ' Bo ',
      team: ' ',
      email: '',
      handles: { x: '', github: '  ' },
    });
    expect(member).toEqual({ id: 'new', name: 'Bo', accounts: [], accountKeys: [] });
    expect(hasErrors(validateForm(formFromMember(emptyMember('e'))))).toBe(true);
  });

  // The editor and the import share one rule: what a roster file may not hold, the editor refuses in the same words.
  it.each([
    ['mastodon', 'a@x.com'],
    ['mastodon', '@ada@github.com'],
    ['mastodon', 'ada@www.instagram.com'],
    ['youtube', '...'],
    ['youtube', '.'],
  ] as [SiteId, string][])('refuses %s %s as the import does', (site, typed) => {
    const errors = validateForm({ name: 'Ada', team: '', email: '', handles: { [site]: typed } });
    const [problem] = parseRoster(`name,${site}\nAda,${typed}\n`).problems;
    expect(problem?.reason).toBeDefined();
    expect(errors.sites[site]).toContain(problem?.reason.replace(/^not a valid/, 'is not a valid'));
    expect(memberFromForm('id', { name: 'Ada', team: '', email: '', handles: { [site]: typed } })).toBeNull();
  });

  it('says which pieces of a field are refused for their host and which are no handles at all', () => {
    const errors = validateForm({ name: 'Ada', team: '', email: '', handles: { mastodon: 'ada a@x.com' } });
    expect(errors.sites.mastodon).toBe(
      '“ada” is not a valid Mastodon handle; “a@x.com”: that host belongs to another network, not to a Mastodon instance',
    );
  });

  it('keeps a typed account on any Mastodon instance', () => {
    const member = memberFromForm('id', {
      name: 'Ada',
      team: '',
      email: '',
      handles: { mastodon: '@Ada@any.instance  bo@social.example.org' },
    });
    expect(member?.accounts).toEqual([
      { site: 'mastodon', handle: 'ada@any.instance' },
      { site: 'mastodon', handle: 'bo@social.example.org' },
    ]);
  });
});

describe('the form errors in the UI language', () => {
  afterEach(() => useLanguage('en'));

  it('names one bad handle, or lists several as the language joins them', () => {
    const errors = (x: string) => validateForm({ name: '', team: '', email: '', handles: { x } }).sites.x;
    expect(errors('a/b c/d')).toBe('“a/b” and “c/d” are not valid X handles');
    useLanguage('de');
    expect(errors('a/b')).toBe('„a/b“ ist kein gültiges Handle auf X');
    expect(errors('a/b c/d e/f')).toBe('„a/b“, „c/d“ und „e/f“ sind keine gültigen Handles auf X');
    expect(validateForm({ name: ' ', team: '', email: '', handles: {} }).name).toBe('Ein Name ist nötig');
  });
});
