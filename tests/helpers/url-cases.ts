import type { SiteId } from '../../utils/sites/index';

/** The URLs an adapter must accept (with the canonical handle) and must reject, plus typed inputs. */
export interface UrlCases {
  site: SiteId;
  accept: [url: string, handle: string][];
  reject: string[];
  /** normalizeHandle(site, input) → expected canonical handle, or null. */
  normalize: [input: string, expected: string | null][];
}
