import type { SiteAdapter } from './types';

// TikTok: profiles are /@{username}; everything else (videos, photos, live rooms, discover) is not (sites.md §10).
const HOSTS = ['www.tiktok.com', 'tiktok.com', 'm.tiktok.com'];

// Letters, digits, underscore, period, not ending with a period (TikTok support); ≤24 (secondary sources).
const USERNAME = /^(?!.*\.$)[A-Za-z0-9._]{1,24}$/;

function handleFromText(text: string): string | null {
  return USERNAME.test(text) ? text.toLowerCase() : null;
}

export const tiktok: SiteAdapter = {
  id: 'tiktok',
  name: 'TikTok',
  hosts: HOSTS,
  handleFromUrl(url) {
    // Checked here too, since every adapter is also asked directly about every URL.
    if (url.protocol !== 'https:' || !HOSTS.includes(url.hostname)) return null;
    // TikTok's profile tabs do not change the URL, so anything after /@u (video, photo, live) is another page.
    const [first, ...rest] = url.pathname.split('/').filter(Boolean);
    if (!first?.startsWith('@') || rest.length > 0) return null;
    return handleFromText(first.slice(1));
  },
  handleFromText,
  profileUrl: (handle) => `https://www.tiktok.com/@${handle}`,
};
