import { t } from '../utils/i18n/index';
import { type Account, accountKey } from '../utils/model';
import { profileUrl, siteById } from '../utils/sites/index';
import { SiteIcon } from './SiteIcon';

/** The profile URL of a canonical handle, or null: anything else stays plain text, never a link. */
export function safeProfileUrl(account: Account): string | null {
  try {
    return profileUrl(account.site, account.handle);
  } catch {
    return null;
  }
}

/** A teammate's accounts, each with its site badge; canonical handles link to their profile. */
export function AccountList({ accounts }: { accounts: readonly Account[] }) {
  if (accounts.length === 0) return <span class="muted">{t('components_accounts_none')}</span>;
  return (
    <ul class="account-list">
      {accounts.map((account) => {
        const url = safeProfileUrl(account);
        return (
          <li
            key={accountKey(account.site, account.handle)}
            data-site={account.site}
            data-handle={account.handle}
          >
            <SiteIcon site={account.site} />
            <span class="visually-hidden">
              {t('components_accounts_site', { site: siteById(account.site).name })}{' '}
            </span>
            {url ? (
              <a href={url} target="_blank" rel="noreferrer noopener">
                {account.handle}
              </a>
            ) : (
              <span>{account.handle}</span>
            )}
          </li>
        );
      })}
    </ul>
  );
}
