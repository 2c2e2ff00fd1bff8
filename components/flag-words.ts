import type { FlagView } from '../utils/content/profile-watch';

// The words of the on-page flag, in one place: what it says for each state and, while unknown, for each reason.

const RECORDED_LABEL: Record<string, string> = {
  following: 'following',
  'not-following': 'not following',
  requested: 'request pending',
  self: 'your own profile',
};

/** How an earlier recorded state is named. */
export function recordedLabel(state: string): string {
  return RECORDED_LABEL[state] ?? state;
}

/** The language's own name in English ("Catalan"), or the code when the browser does not know it. */
export function languageName(lang: string): string {
  if (!lang) return 'this language';
  try {
    return new Intl.DisplayNames(['en'], { type: 'language' }).of(lang) ?? lang;
  } catch {
    return lang;
  }
}

/** What the flag says: the state, or while unknown why TeamFollow cannot tell and what would help. */
export function headline(view: FlagView): string {
  const { name, siteName } = view;
  switch (view.state) {
    case 'not-following':
      return `${name} is on your team — you don't follow them yet`;
    case 'following':
      return `You follow ${name}`;
    case 'requested':
      return `Follow request to ${name} is pending`;
    case 'self':
      return `This is your own profile (${name} on your roster)`;
  }
  switch (view.reason) {
    case 'signed-out':
      return `Sign in to ${siteName} to see whether you follow ${name}`;
    case 'language':
      return `TeamFollow does not read ${siteName} in ${languageName(view.lang)} yet, so it cannot tell whether you follow ${name}`;
    case 'layout':
      return `${siteName}'s page looks different from what TeamFollow knows: an update of TeamFollow may be needed`;
    case 'other':
      return `TeamFollow cannot tell from ${siteName}'s page whether you follow ${name}`;
    default:
      return view.gaveUp
        ? `${siteName}'s page has not shown yet whether you follow ${name}: reload it if it stays like this`
        : `Checking whether you follow ${name}…`;
  }
}

/** The name of the site's control the flag points at. */
export function controlName(view: FlagView): string {
  return view.connect ? 'Connect' : 'Follow';
}

/** The flag button's accessible name: who and where, so a screen reader does not hear two "Follow" buttons. */
export function showButtonLabel(view: FlagView): string {
  return `Show ${view.siteName}'s ${controlName(view)} button for ${view.name}`;
}

/** What the flag says while it points at the site's control. */
export function pointingNote(view: FlagView): string {
  if (view.connect)
    return `Connect sends an invitation to ${view.name}: press LinkedIn's Connect button, ringed on the page, if you want to connect.`;
  return `Press ${view.siteName}'s ${controlName(view)} button, ringed on the page: TeamFollow never presses it for you.`;
}
