import { isApiError } from '../api/client.js';
import { ErrorState } from './ErrorState.js';
import { Forbidden } from './Forbidden.js';
import { NotFound } from './NotFound.js';

/**
 * What a page shows when the record it is about could not be loaded: "may not" for 403, "not
 * found" for 404 (and for a malformed id in the address, 400: to a person that is the same), and
 * otherwise the error with a way to try again.
 */
export function PageLoadError({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  if (isApiError(error, 403)) return <Forbidden />;
  if (isApiError(error, 404) || isApiError(error, 400)) return <NotFound />;
  return <ErrorState error={error} onRetry={onRetry} />;
}
