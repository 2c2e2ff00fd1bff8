import * as v from 'valibot';
import { t } from '../i18n/index';
import { normalizeHandle } from '../sites/index';
import { type GroupMember, isLimited, MAX_PAGES, nextLink, refusal } from './group-members';
import { ApiError, type Fetch, readJson, send } from './http';

const GITHUB_API = 'https://api.github.com';
// The largest page GitHub gives (per_page).
const GITHUB_PAGE = 100;

const GitHubMembersSchema = v.array(v.object({ login: v.string() }));
const GitHubUserSchema = v.object({ name: v.optional(v.nullable(v.string())) });

/** What reading a GitHub organisation needs: fetch, and the connected account's token when there is one. */
export interface GitHubGroupConfig {
  fetch: Fetch;
  /** The connected account's token, if any: 5,000 requests an hour instead of 60. */
  token?: string;
  api?: string;
  now?: () => number;
}

/**
 * The public members of a GitHub organisation (docs.github.com rest/orgs/members#list-public-organization-members),
 * each named from `GET /users/{login}`; once GitHub limits the rate (or a profile cannot be read) the login is the name.
 */
export async function githubOrgMembers(org: string, config: GitHubGroupConfig): Promise<GroupMember[]> {
  const { fetch, token } = config;
  const api = config.api ?? GITHUB_API;
  const now = config.now ?? Date.now;
  const canonical = normalizeHandle('github', org);
  if (!canonical) throw new ApiError(t('api_group_notOrgName', { org }), 400);
  const headers: Record<string, string> = {
    Accept: 'application/vnd.github+json',
    'X-GitHub-Api-Version': '2022-11-28',
  };
  if (token) headers.Authorization = `Bearer ${token}`;
  const get = (path: string) => send(fetch, 'GitHub', `${api}${path}`, { headers });

  const logins: string[] = [];
  for (let page = 1; page <= MAX_PAGES; page++) {
    const response = await get(
      `/orgs/${encodeURIComponent(canonical)}/public_members?per_page=${GITHUB_PAGE}&page=${page}`,
    );
    if (response.status === 404) throw new ApiError(t('api_group_noOrg', { org: canonical }), 404);
    if (response.status === 401) throw new ApiError(t('api_group_githubTokenRefused'), 401);
    if (!response.ok) throw await refusal(response, 'GitHub', 'github', now);
    const members = await readJson(response, GitHubMembersSchema, 'GitHub');
    for (const { login } of members) {
      const handle = normalizeHandle('github', login);
      if (handle) logins.push(handle);
    }
    if (!nextLink(response) || members.length === 0) break;
  }

  const result: GroupMember[] = [];
  let askNames = true;
  for (const handle of [...new Set(logins)]) {
    let name = handle;
    if (askNames) {
      const response = await get(`/users/${encodeURIComponent(handle)}`).catch(() => undefined);
      if (!response || isLimited(response)) askNames = false;
      else if (response.ok) {
        const profile = await readJson(response, GitHubUserSchema, 'GitHub').catch(() => undefined);
        name = profile?.name?.trim() || handle;
      }
    }
    result.push({ name, site: 'github', handle });
  }
  return result;
}
