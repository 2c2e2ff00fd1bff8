import { openOptions } from './send';

/** Nothing left to follow or check: the team is followed, or it has no accounts yet. */
export function AllFollowed({ accounts }: { accounts: number }) {
  if (accounts === 0)
    return (
      <div class="message">
        <p>Your teammates have no accounts on the roster yet.</p>
        <button type="button" onClick={openOptions}>
          Add their handles
        </button>
      </div>
    );
  return (
    <div class="message celebrate" data-testid="all-followed">
      <svg class="celebrate-mark" viewBox="0 0 48 48" width="48" height="48" aria-hidden="true">
        <circle cx="24" cy="24" r="22" />
        <path d="M14 25l7 7 13-15" />
      </svg>
      <h2>Your whole team is followed</h2>
      <p class="muted">Every teammate account on the roster, on every network.</p>
    </div>
  );
}
