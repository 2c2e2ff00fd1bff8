import { afterEach, describe, expect, it } from 'vitest';
import { useLanguage } from '../tests/helpers/i18n';
import type { FlagView } from '../utils/content/profile-watch';
import { headline, pointingNote, showButtonLabel } from './flag-words';

const view = (over: Partial<FlagView> = {}): FlagView => ({
  site: 'x',
  siteName: 'X',
  handle: 'ada',
  name: 'Ada <b>Lindqvist</b>',
  state: 'not-following',
  lang: 'en',
  recorded: null,
  gaveUp: false,
  pointing: false,
  connect: false,
  ...over,
});

describe('the flag in the UI language', () => {
  afterEach(() => useLanguage('en'));

  it('speaks English by default, the name as written', () => {
    expect(headline(view())).toBe("Ada <b>Lindqvist</b> is on your team — you don't follow them yet");
    expect(showButtonLabel(view())).toBe("Show X's Follow button for Ada <b>Lindqvist</b>");
  });

  it('speaks German and Japanese, naming an unread language in the UI language', () => {
    useLanguage('de');
    expect(headline(view({ state: 'following' }))).toBe('Du folgst Ada <b>Lindqvist</b>');
    expect(headline(view({ state: 'unknown', reason: 'language', lang: 'ca' }))).toContain('auf Katalanisch');
    expect(pointingNote(view())).toContain('„Folgen“');
    useLanguage('ja');
    expect(headline(view({ state: 'unknown', reason: 'signed-out' }))).toBe(
      'Xにログインすると、Ada <b>Lindqvist</b>さんをフォローしているか確認できます',
    );
  });

  it('leaves a placeholder-looking name alone', () => {
    expect(headline(view({ name: '{site} $1 $$' }))).toBe(
      "{site} $1 $$ is on your team — you don't follow them yet",
    );
  });
});
