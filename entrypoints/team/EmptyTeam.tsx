import { browser } from 'wxt/browser';

/** No teammates yet: the way to the options, where a roster is imported. */
export function EmptyTeam() {
  return (
    <section class="empty" data-testid="team-empty">
      <h2>No teammates yet</h2>
      <p>Import your team’s roster (CSV or JSON) in the options, then come back to see who you follow.</p>
      <button type="button" class="primary" onClick={() => void browser.runtime.openOptionsPage()}>
        Open the options
      </button>
    </section>
  );
}
