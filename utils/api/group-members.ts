import type { JsonRoster } from '../roster/export';
import { answeredHttp, errorBody, RateLimitError, rateLimitText, retryAt, serverTrouble } from './http';
import { type ApiSite, NETWORKS } from './networks';

// What the three group readers share: the member they return, paging and refusals, and the roster they become.

/** One person of a group, with a canonical handle on the group's network. */
export interface GroupMember {
  name: string;
  site: ApiSite;
  handle: string;
}

// A group larger than this many pages is cut rather than read forever (10,000 people on GitHub or Bluesky).
export const MAX_PAGES = 100;

/** Whether the answer is a rate limit, after which a caller asks no more (GitHub says 403 or 429). */
export const isLimited = (response: Response) =>
  response.status === 429 ||
  (response.status === 403 &&
    (response.headers.get('x-ratelimit-remaining') === '0' || response.headers.has('retry-after')));

/** The error for an answer that is not a 2xx the caller expects. */
export async function refusal(
  response: Response,
  siteName: string,
  site: ApiSite,
  now: () => number,
): Promise<Error> {
  if (isLimited(response))
    return new RateLimitError(
      rateLimitText(siteName),
      retryAt(response.headers, now(), NETWORKS[site].reset),
    );
  if (response.status >= 500) return serverTrouble(siteName, response.status);
  const { error, message } = await errorBody(response);
  const detail = message ?? error;
  return answeredHttp(siteName, response.status, detail);
}

/** The address of the next page a Link header names, if any (GitHub and Mastodon both page this way). */
export function nextLink(response: Response): string | undefined {
  const link = response.headers.get('link') ?? '';
  return /<([^>]+)>\s*;\s*rel="next"/.exec(link)?.[1];
}

/** The group as a version 1 JSON roster, for the file import to merge. */
export function groupRoster(members: readonly GroupMember[]): JsonRoster {
  return {
    version: 1,
    members: members.map(({ name, site, handle }) => ({ name, accounts: { [site]: handle } })),
  };
}
