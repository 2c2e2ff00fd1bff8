import type { FlagView } from '../utils/content/profile-watch';
import { type MessageKey, t, uiLanguage } from '../utils/i18n/index';

// The words of the on-page flag, in one place: what it says for each state and, while unknown, for each reason.

const RECORDED_LABEL: Record<string, MessageKey> = {
  following: 'flag_recorded_following',
  'not-following': 'flag_recorded_notFollowing',
  requested: 'flag_recorded_requested',
  self: 'flag_recorded_self',
};

/** How an earlier recorded state is named. */
export function recordedLabel(state: string): string {
  const key = RECORDED_LABEL[state];
  return key ? t(key) : state;
}

/** The language's own name in the UI language ("Catalan", "Katalanisch"), or the code when the browser does not know it. */
export function languageName(lang: string): string {
  if (!lang) return t('flag_thisLanguage');
  try {
    return new Intl.DisplayNames([uiLanguage()], { type: 'language' }).of(lang) ?? lang;
  } catch {
    return lang;
  }
}

/** What the flag says: the state, or while unknown why TeamFollow cannot tell and what would help. */
export function headline(view: FlagView): string {
  const values = { name: view.name, site: view.siteName };
  switch (view.state) {
    case 'not-following':
      return t('flag_notFollowing', values);
    case 'following':
      return t('flag_following', values);
    case 'requested':
      return t('flag_requested', values);
    case 'self':
      return t('flag_self', values);
  }
  switch (view.reason) {
    case 'signed-out':
      return t('flag_signedOut', values);
    case 'language':
      return t('flag_language', { ...values, language: languageName(view.lang) });
    case 'layout':
      return t('flag_layout', values);
    case 'other':
      return t('flag_otherReason', values);
    default:
      return view.gaveUp ? t('flag_gaveUp', values) : t('flag_checking', values);
  }
}

/** The name of the site's control the flag points at. */
export function controlName(view: FlagView): string {
  return view.connect ? t('flag_control_connect') : t('flag_control_follow');
}

/** The flag button's accessible name: who and where, so a screen reader does not hear two "Follow" buttons. */
export function showButtonLabel(view: FlagView): string {
  return t('flag_showButtonLabel', { site: view.siteName, control: controlName(view), name: view.name });
}

/** The flag button's visible text. */
export function showButtonText(view: FlagView): string {
  return t('flag_showButton', { control: controlName(view) });
}

/** What the flag says while it points at the site's control. */
export function pointingNote(view: FlagView): string {
  if (view.connect) return t('flag_pointConnect', { name: view.name });
  return t('flag_point', { site: view.siteName, control: controlName(view) });
}

/** "Last seen following, 2 h ago". */
export function lastSeenNote(state: string, when: string): string {
  return t('flag_lastSeen', { state: recordedLabel(state), when });
}
