import { describe, expect, it } from 'vitest';
import { openFixture, pageFrom } from '../../tests/helpers/fixture-dom';
import { youtube, youtubePage } from './youtube';

// The saved pages run their own scripts here (as in a browser) to check that they behave like the site.
const PAGE_URL = 'https://www.youtube.com/@alicecreates';
const open = (file: string, scripts = false) => openFixture('youtube', file, { url: PAGE_URL, scripts });

const read = (doc: Document) => youtubePage.readProfile(doc, 'alicecreates');

// A signed-in channel page in the current layout whose subscribe button has the given classes and text.
const channel = (lang: string, shape: string, text: string) =>
  pageFrom(
    `<html lang="${lang}"><button id="avatar-btn"></button><yt-page-header-view-model>
    <yt-content-metadata-view-model><span>@alicecreates</span></yt-content-metadata-view-model>
    <yt-subscribe-button-view-model><button class="yt-spec-button-shape-next ${shape}"><div>${text}</div></button>
    </yt-subscribe-button-view-model></yt-page-header-view-model></html>`,
    { url: PAGE_URL },
  );

describe('youtube profile reading', () => {
  it('reads the button shape in any language, and the words where the shape says nothing', () => {
    expect(read(channel('pl', 'yt-spec-button-shape-next--tonal', 'Subskrybujesz'))?.state).toBe('following');
    expect(read(channel('de', '', 'Abonniert'))?.state).toBe('following');
    expect(read(channel('fr', '', 'S’abonner'))?.state).toBe('not-following');
    expect(read(channel('fr', '', 'Abonné'))?.state).toBe('following');
  });

  it('says the language is unread when only words could tell', () => {
    expect(read(channel('pl', '', 'Subskrybuj'))).toMatchObject({ state: 'unknown', reason: 'language' });
  });

  it('does not guess when the words contradict the button shape', () => {
    const reading = read(channel('en', 'yt-spec-button-shape-next--filled', 'Subscribed'));
    expect(reading).toMatchObject({ state: 'unknown', reason: 'layout' });
  });

  it('does not take a channel id page whose head names another channel', () => {
    expect(youtubePage.readProfile(open('channel-id.html'), 'UCs3LfQ8p_Zx2Wm7Ka1Vb9Nd').state).toBe(
      'unknown',
    );
  });

  it('puts the flag after the handle line', () => {
    expect(read(open('following.html'))?.anchor?.tagName).toBe('YT-CONTENT-METADATA-VIEW-MODEL');
  });
});

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
