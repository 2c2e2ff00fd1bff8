import type { UrlCases } from './types';

export const redditUrls: UrlCases = {
  site: 'reddit',
  accept: [
    ['https://www.reddit.com/user/Spez/', 'spez'],
    ['https://www.reddit.com/user/spez', 'spez'],
    ['https://reddit.com/u/Alice_B-2', 'alice_b-2'],
    ['https://old.reddit.com/user/alice/comments/', 'alice'],
    ['https://www.reddit.com/user/alice/submitted/?sort=new', 'alice'],
    ['https://new.reddit.com/user/alice', 'alice'],
    ['https://m.reddit.com/u/alice', 'alice'],
    ['https://www.reddit.com/user/alice/saved/', 'alice'],
  ],
  reject: [
    'https://www.reddit.com/',
    'https://www.reddit.com/r/programming/',
    'https://www.reddit.com/user/',
    'https://www.reddit.com/user/alice/comments/abc123/some_post/',
    'https://www.reddit.com/user/this_name_is_way_too_long_for_reddit',
    'https://www.reddit.com/user/bad.name',
    'http://www.reddit.com/user/alice',
    'https://www.reddit.com.evil.example/user/alice',
    'https://reddit.co/user/alice',
    'https://www.reddit.com/settings/',
    'https://www.reddit.com/user/%zz',
    'https://www.reddit.com/user/alice%2Fcomments',
    'https://www.reddit.com/user/alice/m/cats/',
  ],
  normalize: [
    ['@Alice', 'alice'],
    ['u/alice', null],
    ['reddit.com/user/Alice', 'alice'],
    ['alice bob', null],
    ['http://www.reddit.com/user/alice', null],
    ['https://www.reddit.com/r/programming/', null],
    ['<script>alert(1)</script>', null],
  ],
};
