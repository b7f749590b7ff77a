// The one table that says what an HTTP status from SharePoint or Graph means to the app. Both error
// paths (the SharePoint normaliser and the Graph notifier's failure reasons) read it, so a 503 or a
// 409 can never mean one thing for a list write and another for a Teams notification.

/** What a failed call means, before any service-specific reading of the body. */
export type StatusKind = 'throttled' | 'conflict' | 'forbidden' | 'notFound' | 'validation' | 'server' | 'offline';

// 503 is throttling on both services: SharePoint Online answers 429 or 503 with Retry-After when it
// throttles (https://learn.microsoft.com/en-us/sharepoint/dev/general-development/how-to-avoid-getting-throttled-or-blocked-in-sharepoint-online),
// and Graph's guidance asks callers to treat 503 with Retry-After the same way as 429
// (https://learn.microsoft.com/en-us/graph/best-practices-concept#handling-expected-errors).
// 409 and 412 are both "someone else's change got there first" (a concurrency conflict or a stale
// ETag), so the person reloads rather than fixes their input.
export const STATUS_KINDS: Readonly<Record<number, StatusKind>> = {
  400: 'validation',
  401: 'forbidden',
  403: 'forbidden',
  404: 'notFound',
  409: 'conflict',
  412: 'conflict',
  413: 'validation',
  429: 'throttled',
  503: 'throttled'
};

/** The kind for a status; 0 or less means no response arrived (offline, DNS, refused). */
export function kindForStatus(status: number): StatusKind {
  if (!Number.isFinite(status) || status <= 0) return 'offline';
  const known = STATUS_KINDS[status];
  if (known) return known;
  if (status >= 500) return 'server';
  if (status >= 400) return 'validation';
  // A 1xx/2xx/3xx that reached an error path is a fault of ours or the service's, not the person's.
  return 'server';
}
