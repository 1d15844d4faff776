/** Messages for API failures that are not about one field (network, rate limit, server trouble). */
import { msg, str } from '@lit/localize';
import { ApiError } from '../api/api-error.js';

/** A plain-language message for an error that has no field errors. */
export function apiErrorMessage(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.isNetwork)
      return msg(
        'Keine Verbindung zum Server. Prüfen Sie Ihre Internetverbindung und versuchen Sie es noch einmal.',
        {
          id: 'api.network',
        },
      );
    if (error.status === 429) {
      const minutes = Math.max(1, Math.ceil((error.retryAfter ?? 60) / 60));
      return msg(
        str`Zu viele Versuche. Warten Sie ${minutes} Minuten und versuchen Sie es dann noch einmal.`,
        {
          id: 'api.tooMany',
        },
      );
    }
  }
  return msg('Das hat leider nicht geklappt. Versuchen Sie es bitte später noch einmal.', {
    id: 'api.generic',
  });
}
