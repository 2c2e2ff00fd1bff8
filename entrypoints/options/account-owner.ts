import { t } from '../../utils/i18n/index';
import { accountKey, type Member } from '../../utils/model';
import { siteById } from '../../utils/sites/index';

/**
 * One account, one teammate: why `member` cannot be saved because another of `others` already has one of its
 * accounts, or null when none does. The lookup from a viewed profile to a teammate must stay unambiguous.
 */
export function accountOwnerError(member: Member, others: readonly Member[]): string | null {
  for (const account of member.accounts) {
    const key = accountKey(account.site, account.handle);
    const owner = others.find((other) => other.id !== member.id && other.accountKeys.includes(key));
    if (owner)
      return t('options_roster_accountTaken', {
        site: siteById(account.site).name,
        handle: account.handle,
        name: owner.name,
      });
  }
  return null;
}
