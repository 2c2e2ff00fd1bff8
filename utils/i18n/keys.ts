import type a11y from '../../locales/a11y/en.json';
import type api from '../../locales/api/en.json';
import type background from '../../locales/background/en.json';
import type common from '../../locales/common/en.json';
import type components from '../../locales/components/en.json';
import type ext from '../../locales/ext/en.json';
import type flag from '../../locales/flag/en.json';
import type options from '../../locales/options/en.json';
import type popup from '../../locales/popup/en.json';
import type roster from '../../locales/roster/en.json';
import type signin from '../../locales/signin/en.json';
import type team from '../../locales/team/en.json';
import type welcome from '../../locales/welcome/en.json';

// Each area's English file, one line per area (`locales/<area>/en.json`): its keys are the only ones `t()` accepts, so
// a misspelt key fails the type check.
type English = typeof a11y &
  typeof api &
  typeof background &
  typeof common &
  typeof components &
  typeof ext &
  typeof flag &
  typeof options &
  typeof popup &
  typeof roster &
  typeof signin &
  typeof team &
  typeof welcome;

export type MessageKey = Extract<keyof English, string>;
/** A key with plural forms: `<key>_one`, `<key>_other`… exist, and `plural()` takes `<key>`. */
export type PluralKey = { [K in MessageKey]: K extends `${infer Base}_other` ? Base : never }[MessageKey];
