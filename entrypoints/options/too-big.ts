import { ROSTER_LIMITS } from '../../utils/roster/types';

function megabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toLocaleString('en', { maximumFractionDigits: 1 })} MB`;
}

/** Why a roster of `bytes` is refused before it is read (`what` names it), or null when it is within the limit. */
export function tooBigMessage(bytes: number, what: string): string | null {
  if (bytes <= ROSTER_LIMITS.maxBytes) return null;
  return `${what} is larger than the limit of ${megabytes(ROSTER_LIMITS.maxBytes)}. Split it into smaller files.`;
}
