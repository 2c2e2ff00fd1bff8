import { formatList, plural, t } from '../utils/i18n/index';
import type { Account, Member } from '../utils/model';
import { hostRefusal } from '../utils/roster/limits';
import { type SiteId, sites } from '../utils/sites/index';
import { storableHandle } from '../utils/sites/storable';

/** What the member editor holds while a person types: plain text per field. */
export interface MemberForm {
  name: string;
  team: string;
  email: string;
  /** Per site, the handles as typed: one, or several separated by spaces or commas. */
  handles: Partial<Record<SiteId, string>>;
}

export interface MemberFormErrors {
  name?: string;
  sites: Partial<Record<SiteId, string>>;
}

export function emptyMember(id: string): Member {
  return { id, name: '', accounts: [], accountKeys: [] };
}

export function formFromMember(member: Member): MemberForm {
  const handles: Partial<Record<SiteId, string>> = {};
  for (const { site, handle } of member.accounts) {
    handles[site] = handles[site] ? `${handles[site]} ${handle}` : handle;
  }
  return { name: member.name, team: member.team ?? '', email: member.email ?? '', handles };
}

/** The canonical handles in one site field; `invalid` lists the pieces TeamFollow would not store there. */
export function parseHandles(site: SiteId, text: string): { handles: string[]; invalid: string[] } {
  const handles: string[] = [];
  const invalid: string[] = [];
  for (const piece of text.split(/[\s,;]+/).filter(Boolean)) {
    const handle = storableHandle(site, piece);
    if (handle === null) invalid.push(piece);
    else if (!handles.includes(handle)) handles.push(handle);
  }
  return { handles, invalid };
}

export function validateForm(form: MemberForm): MemberFormErrors {
  const errors: MemberFormErrors = { sites: {} };
  if (!form.name.trim()) errors.name = t('components_form_nameRequired');
  for (const site of sites) {
    const { invalid } = parseHandles(site.id, form.handles[site.id] ?? '');
    // A handle refused for its host says so, in the import's words; the rest are not handles of the site.
    const refused = invalid.flatMap((piece) => {
      const why = hostRefusal(site.id, piece);
      return why ? [t('components_form_refused', { handle: quote(piece), reason: why })] : [];
    });
    const wrong = invalid.filter((piece) => hostRefusal(site.id, piece) === null);
    if (wrong.length > 0)
      refused.unshift(
        plural('components_form_invalidHandles', wrong.length, {
          handles: formatList(wrong.map(quote)),
          site: site.name,
        }),
      );
    if (refused.length > 0) errors.sites[site.id] = refused.join('; ');
  }
  return errors;
}

export function hasErrors(errors: MemberFormErrors): boolean {
  return errors.name !== undefined || Object.keys(errors.sites).length > 0;
}

/** The member to save, keeping the id (accountKeys are recomputed by putMember); null while the form is invalid. */
export function memberFromForm(id: string, form: MemberForm): Member | null {
  if (hasErrors(validateForm(form))) return null;
  const accounts: Account[] = sites.flatMap((site) =>
    parseHandles(site.id, form.handles[site.id] ?? '').handles.map((handle) => ({ site: site.id, handle })),
  );
  const member: Member = { id, name: form.name.trim(), accounts, accountKeys: [] };
  const team = form.team.trim();
  const email = form.email.trim();
  if (team) member.team = team;
  if (email) member.email = email;
  return member;
}

function quote(piece: string): string {
  return t('components_form_quote', { text: piece.length > 40 ? `${piece.slice(0, 39)}…` : piece });
}
