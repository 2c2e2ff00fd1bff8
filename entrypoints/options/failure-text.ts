import { RateLimitError, tryAgainText } from '../../utils/api/http';
import { errorText } from '../../utils/errors';

/** What a person reads when a network call failed: the error, and when to try again after a rate limit. */
export function failureText(error: unknown): string {
  if (error instanceof RateLimitError) return tryAgainText(error);
  return errorText(error);
}
