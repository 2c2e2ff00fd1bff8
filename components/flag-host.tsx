import { render } from 'preact';
import type { FlagHost } from '../utils/content/site-script';
import { TeamFlag } from './TeamFlag';
import css from './TeamFlag.css?inline';

/** The flag's host element: one per page at most, with an open shadow root so page styles cannot reach it. */
export function createFlagHost(): FlagHost {
  const host = document.createElement('teamfollow-flag');
  host.dataset.testid = 'teamfollow-flag';
  const shadow = host.attachShadow({ mode: 'open' });
  const style = document.createElement('style');
  style.textContent = css;
  const root = document.createElement('div');
  shadow.append(style, root);

  return {
    draw(view, anchor, onFollow) {
      if (!view) return this.remove();
      host.dataset.state = view.state;
      host.classList.toggle('tf-floating', !anchor);
      // Next to the profile header when the site has one; otherwise a small floating note.
      if (anchor && host.previousElementSibling !== anchor) anchor.after(host);
      else if (!anchor && host.parentElement !== document.body) document.body.append(host);
      render(<TeamFlag view={view} onFollow={onFollow} />, root);
    },
    remove() {
      render(null, root);
      host.remove();
    },
  };
}
