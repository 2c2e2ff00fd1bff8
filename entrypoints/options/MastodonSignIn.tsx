import type { ComponentChildren } from 'preact';
import { t } from '../../utils/i18n/index';

/** "Sign in with Mastodon": the instance's own sign-in page in the browser's auth window, instead of a pasted token. */
export function MastodonSignIn({ busy, onSignIn }: { busy: boolean; onSignIn: () => void }) {
  return (
    <div class="field signin">
      <div>
        <button
          type="button"
          class="primary"
          disabled={busy}
          aria-describedby="mastodon-signin-help"
          data-testid="connection-signin"
          onClick={onSignIn}
        >
          {t('signin_button')}
        </button>
      </div>
      <p id="mastodon-signin-help" class="muted hint">
        {t('signin_help')}
      </p>
    </div>
  );
}

interface PasteInsteadProps {
  /** Only networks with a sign-in fold the pasted secret away; the others show it as it is. */
  folded: boolean;
  open: boolean;
  onToggle: (open: boolean) => void;
  children: ComponentChildren;
}

/** The pasted token as the fallback of the sign-in: behind "Paste a token instead". */
export function PasteInstead({ folded, open, onToggle, children }: PasteInsteadProps) {
  if (!folded) return <>{children}</>;
  return (
    <details
      class="paste-instead"
      open={open}
      data-testid="connection-paste"
      onToggle={(event) => onToggle(event.currentTarget.open)}
    >
      <summary>{t('signin_pasteInstead')}</summary>
      {children}
    </details>
  );
}
