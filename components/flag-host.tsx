import { render } from 'preact';
import type { FlagHost } from '../utils/content/site-script';
import { TeamFlag } from './TeamFlag';
import css from './TeamFlag.css?inline';

// TeamFollow's own elements in the page, each with an open shadow root so page styles cannot reach them: the flag
// next to the profile header, and the ring drawn over the site's control while the flag points at it. The site's
// own elements are never restyled.

/** The flag's host element (one per page at most) and its ring. */
export function createFlagHost(): FlagHost {
  const host = document.createElement('teamfollow-flag');
  host.dataset.testid = 'teamfollow-flag';
  const shadow = host.attachShadow({ mode: 'open' });
  const style = document.createElement('style');
  style.textContent = css;
  const root = document.createElement('div');
  shadow.append(style, root);
  const ring = createRing();

  return {
    draw(view, anchor, onShow, target) {
      if (!view) return this.remove();
      host.dataset.state = view.state;
      if (view.state === 'unknown' && view.reason) host.dataset.reason = view.reason;
      else delete host.dataset.reason;
      host.classList.toggle('tf-floating', !anchor);
      // Next to the profile header when the site has one; otherwise a small floating note.
      if (anchor && host.previousElementSibling !== anchor) anchor.after(host);
      else if (!anchor && host.parentElement !== document.body) document.body.append(host);
      render(<TeamFlag view={view} onShow={onShow} />, root);
      ring.around(target);
    },
    remove() {
      render(null, root);
      host.remove();
      ring.around(null);
    },
  };
}

/** A ring over an element of the page, following it as the page scrolls; it lets every click through. */
function createRing() {
  const host = document.createElement('teamfollow-ring');
  host.dataset.testid = 'teamfollow-ring';
  const shadow = host.attachShadow({ mode: 'open' });
  const box = document.createElement('div');
  box.setAttribute('style', RING_STYLE);
  shadow.append(box);
  let target: HTMLElement | null = null;
  let frames = 0;

  const place = () => {
    if (!target?.isConnected) return stop();
    const rect = target.getBoundingClientRect();
    box.style.transform = `translate(${rect.left - 4}px, ${rect.top - 4}px)`;
    box.style.width = `${rect.width + 8}px`;
    box.style.height = `${rect.height + 8}px`;
  };
  // A smooth scroll moves the control for a while after scrollIntoView: follow it for about a second.
  const follow = () => {
    place();
    if (target && frames++ < 60) requestAnimationFrame(follow);
  };
  const stop = () => {
    target = null;
    host.remove();
    removeEventListener('scroll', place, true);
    removeEventListener('resize', place);
  };

  return {
    around(next: HTMLElement | null) {
      if (next === target) return;
      stop();
      if (!next) return;
      target = next;
      frames = 0;
      document.documentElement.append(host);
      addEventListener('scroll', place, { capture: true, passive: true });
      addEventListener('resize', place, { passive: true });
      follow();
    },
  };
}

const RING_STYLE = [
  'position: fixed',
  'left: 0',
  'top: 0',
  'box-sizing: border-box',
  'border: 3px solid #2457d6',
  'border-radius: 12px',
  'box-shadow: 0 0 0 4px rgba(36, 87, 214, 0.35)',
  'pointer-events: none',
  'z-index: 2147483646',
].join(';');
