import type { FlagView } from '../utils/content/profile-watch';

// The on-page flag. It shows the roster name only: the page's own scripts can read what is injected.

function ago(time: number, now = Date.now()): string {
  const minutes = Math.round((now - time) / 60_000);
  if (minutes < 1) return 'just now';
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.round(minutes / 60);
  if (hours < 48) return `${hours} h ago`;
  return `${Math.round(hours / 24)} days ago`;
}

const RECORDED_LABEL: Record<string, string> = {
  following: 'following',
  'not-following': 'not following',
  requested: 'request pending',
  self: 'your own profile',
};

function headline(view: FlagView): string {
  switch (view.state) {
    case 'not-following':
      return `${view.name} is on your team — you don't follow them yet`;
    case 'following':
      return `You follow ${view.name}`;
    case 'requested':
      return `Follow request to ${view.name} is pending`;
    case 'self':
      return `This is your own profile (${view.name} on your roster)`;
    default:
      return view.gaveUp
        ? `TeamFollow could not tell whether you follow ${view.name} (signed out, or the page changed)`
        : `Checking whether you follow ${view.name}…`;
  }
}

export function TeamFlag({ view, onFollow }: { view: FlagView; onFollow: () => void }) {
  const recorded = view.state === 'unknown' && view.recorded ? view.recorded : null;
  return (
    <div class={`tf-flag tf-${view.state}`} role="status" aria-live="polite">
      <span class="tf-mark" aria-hidden="true">
        {view.state === 'following' ? '✓' : view.state === 'not-following' ? '+' : '•'}
      </span>
      <span class="tf-text">
        {headline(view)}
        {view.followsYou ? <span class="tf-pill">follows you</span> : null}
        {recorded ? (
          <span class="tf-note">
            Last seen {RECORDED_LABEL[recorded.state] ?? recorded.state}, {ago(recorded.checkedAt)}
          </span>
        ) : null}
        {view.message ? <span class="tf-note tf-problem">{view.message}</span> : null}
      </span>
      {view.state === 'not-following' ? (
        <button
          type="button"
          class="tf-follow"
          data-testid="teamfollow-follow"
          disabled={view.follow === 'pressing'}
          onClick={onFollow}
        >
          {view.follow === 'pressing' ? 'Following…' : 'Follow'}
        </button>
      ) : null}
    </div>
  );
}
