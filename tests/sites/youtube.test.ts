import { describe, expect, it } from 'vitest';
import { youtube } from '../../utils/sites/youtube';

const CHANNEL_ID = 'UC_x5XG1OV2P6uZZ5FSM9Ttw';

describe('youtube adapter', () => {
  it('links a channel id through /channel/ and a handle through /@', () => {
    expect(youtube.profileUrl(CHANNEL_ID)).toBe(`https://www.youtube.com/channel/${CHANNEL_ID}`);
    expect(youtube.profileUrl('alice.smith-1_2')).toBe('https://www.youtube.com/@alice.smith-1_2');
  });

  it('percent-encodes an international handle in its URL and reads it back', () => {
    const url = youtube.profileUrl('日本語');
    expect(url).toBe('https://www.youtube.com/@%E6%97%A5%E6%9C%AC%E8%AA%9E');
    expect(youtube.handleFromUrl(new URL(url))).toBe('日本語');
  });

  it('gives one spelling to composed and decomposed accents', () => {
    expect(youtube.handleFromText('Re\u0301mi')).toBe('r\u00e9mi');
    expect(youtube.handleFromText('R\u00c9MI')).toBe('r\u00e9mi');
  });

  it('accepts the Latin middle dot of Catalan handles', () => {
    expect(youtube.handleFromText('col·legi')).toBe('col·legi');
  });

  it('keeps the case of a typed channel id and lowercases anything else', () => {
    expect(youtube.handleFromText(CHANNEL_ID)).toBe(CHANNEL_ID);
    expect(youtube.handleFromText('UC_short')).toBe('uc_short');
  });

  it('leaves an @user path on a Mastodon host to Mastodon', () => {
    expect(youtube.handleFromUrl(new URL('https://mastodon.social/@alice'))).toBeNull();
  });
});
