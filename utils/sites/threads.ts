import { INSTAGRAM_USERNAME } from './instagram';
import type { SiteAdapter } from './types';

// Threads: profiles are /@{username} on threads.net and threads.com (the 2025 move); sites.md §6.
const HOSTS = ['www.threads.com', 'threads.com', 'www.threads.net', 'threads.net'];

// The profile's own tabs; a post is /@u/post/{id} and is not a profile.
const PROFILE_TABS = new Set(['replies', 'media', 'reposts']);

// Threads profiles are Instagram accounts, so the username rule is Instagram's.
function handleFromText(text: string): string | null {
  return INSTAGRAM_USERNAME.test(text) ? text.toLowerCase() : null;
}

export const threads: SiteAdapter = {
  id: 'threads',
  name: 'Threads',
  hosts: HOSTS,
  handleFromUrl(url) {
    // Checked here too, since every adapter is also asked directly about every URL.
    if (url.protocol !== 'https:' || !HOSTS.includes(url.hostname)) return null;
    const [first, tab, ...rest] = url.pathname.split('/').filter(Boolean);
    if (!first?.startsWith('@') || rest.length > 0) return null;
    if (tab !== undefined && !PROFILE_TABS.has(tab.toLowerCase())) return null;
    return handleFromText(first.slice(1));
  },
  handleFromText,
  profileUrl: (handle) => `https://www.threads.com/@${handle}`,
};
