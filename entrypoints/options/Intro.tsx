import { sites } from '../../utils/sites/index';
import { teamViewUrl } from '../team/open';

const siteNames = new Intl.ListFormat('en', { type: 'conjunction' }).format(sites.map((site) => site.name));

/** What TeamFollow does, on which sites, and that the roster stays in the browser. */
export function Intro() {
  return (
    <header class="intro">
      <h1>TeamFollow</h1>
      <p>
        TeamFollow keeps your team’s roster: every teammate with their handles on {siteNames}. On each
        teammate’s profile it shows whether you follow them, flags the ones you don’t, and lets you follow
        them in one click, from the page or from the toolbar.
      </p>
      <p>
        <a href={teamViewUrl()} target="_blank" rel="noopener" data-testid="open-team">
          Open the team view
        </a>
        : every teammate on every network, who you follow and who follows you back.
      </p>
      <p class="reassure">
        <strong>Your roster stays in this browser.</strong> Nothing is sent anywhere except the follows you
        ask for.
      </p>
    </header>
  );
}
