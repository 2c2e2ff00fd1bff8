import { describe, expect, it } from 'vitest';
import { CONNECTION_FORMS } from './network-forms';
import { type ConnectionInput, readConnection } from './read-connection';

const network = (site: string) => {
  const found = CONNECTION_FORMS.find((form) => form.site === site);
  if (!found) throw new Error(`no ${site} form`);
  return found;
};
const typed = (patch: Partial<ConnectionInput>): ConnectionInput => ({
  idInput: '',
  secretInput: '',
  secretHidden: false,
  replacing: false,
  saved: undefined,
  ...patch,
});

describe('readConnection', () => {
  it('gives the canonical id and the trimmed secret', () => {
    expect(
      readConnection(network('bluesky'), typed({ idInput: ' @Alice.bsky.social ', secretInput: ' pw ' })),
    ).toEqual({ form: { id: 'alice.bsky.social', secret: 'pw' }, errors: {} });
    expect(readConnection(network('github'), typed({ idInput: 'octocat' })).form).toEqual({
      id: 'octocat',
      secret: undefined,
    });
  });

  it('asks for a missing id and refuses an invalid one', () => {
    expect(readConnection(network('mastodon'), typed({ secretInput: 't' })).errors).toEqual({
      id: 'Enter your home instance.',
    });
    expect(readConnection(network('github'), typed({ idInput: 'not a login!' })).errors.id).toContain(
      'Not a GitHub login',
    );
  });

  it('needs a required secret, and a new one while replacing', () => {
    const mastodon = readConnection(network('mastodon'), typed({ idInput: 'social.example' }));
    expect(mastodon).toEqual({ form: null, errors: { secret: 'Enter your access token.' } });
    const replacing = readConnection(
      network('bluesky'),
      typed({
        idInput: 'alice.bsky.social',
        replacing: true,
        saved: { id: 'alice.bsky.social', secret: 'old' },
      }),
    );
    expect(replacing.errors.secret).toBe('Enter the new app password, or keep the saved one.');
  });

  it('keeps the saved secret while it is hidden', () => {
    const saved = { id: 'social.example', secret: 'saved-token' };
    expect(
      readConnection(network('mastodon'), typed({ idInput: 'social.example', secretHidden: true, saved }))
        .form,
    ).toEqual(saved);
  });
});
