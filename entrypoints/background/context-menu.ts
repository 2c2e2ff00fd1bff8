import { browser } from 'wxt/browser';
import { announceChange } from '../../utils/changes';
import { getDb } from '../../utils/db';
import { t } from '../../utils/i18n/index';
import { addAccount } from '../../utils/roster/add-account';
import { type ParseOptions, parseProfileUrl, siteHostPatterns } from '../../utils/sites/index';

// "Add to TeamFollow" on links to profiles: the account joins the roster as a new teammate named from the link's
// text (Firefox gives it; Chrome does not, so the handle names them until edited in the options).

const MENU_ID = 'teamfollow-add';

/** The menu entry, on links to the sites' pages; clicks add the linked profile's account. */
export function startContextMenu(parse: () => Promise<ParseOptions>): void {
  // Re-created at every start (duplicates are an error): removeAll first.
  void browser.contextMenus
    .removeAll()
    .then(() =>
      browser.contextMenus.create({
        id: MENU_ID,
        title: t('background_menu_add'),
        contexts: ['link'],
        targetUrlPatterns: siteHostPatterns(),
      }),
    )
    .catch((error: unknown) => console.error('TeamFollow:', error));
  browser.contextMenus.onClicked.addListener((info) => {
    if (info.menuItemId !== MENU_ID || !info.linkUrl) return;
    void parse().then(async (options) => {
      const account = parseProfileUrl(info.linkUrl as string, options);
      if (!account) return;
      const text = (info as { linkText?: string }).linkText?.trim();
      const name = text && text.length <= 200 && !text.startsWith('@') ? text : account.handle;
      // The badge and open pages hear it on the change channel; an account already on the roster adds nothing.
      await addAccount(await getDb(), account, { name }).then(
        () => announceChange(),
        () => undefined,
      );
    });
  });
}
