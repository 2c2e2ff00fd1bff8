import './SiteIcon.css';
import { type SiteId, siteById } from '../utils/sites/index';

// A short monogram per site: no logo files to ship, readable at 11px.
const MONOGRAMS: Record<SiteId, string> = {
  x: 'X',
  linkedin: 'in',
  github: 'GH',
  bluesky: 'Bs',
  mastodon: 'M',
  threads: '@',
  instagram: 'IG',
  facebook: 'f',
  youtube: 'YT',
  tiktok: 'TT',
  reddit: 'r/',
};

interface SiteIconProps {
  site: SiteId;
  /** Give it a name for screen readers; by default it is decorative (the text beside it names the site). */
  label?: boolean;
}

/** A small coloured badge for a site; colours come from CSS (`.site-icon[data-site]`). */
export function SiteIcon({ site, label = false }: SiteIconProps) {
  const name = siteById(site).name;
  if (label) {
    return (
      <span class="site-icon" data-site={site} title={name} role="img" aria-label={name}>
        {MONOGRAMS[site]}
      </span>
    );
  }
  return (
    <span class="site-icon" data-site={site} title={name} aria-hidden="true">
      {MONOGRAMS[site]}
    </span>
  );
}
