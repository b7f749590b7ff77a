import type { AppErrorKind } from './appError';

// Plain-language headline per kind. Wording for people, not for developers.
export const ERROR_MESSAGES: Record<AppErrorKind, string> = {
  throttled: 'SharePoint is busy right now. Nothing was lost; please try again in a moment.',
  conflict: 'Someone else changed this while you were working on it. Reload to see their change; your text is kept.',
  forbidden: "You don't have permission to do that. If you think you should, ask the communications team or the site owner.",
  notFound: "We couldn't find that item. It may have been removed.",
  validation: 'Some of the information could not be saved. Please check the highlighted fields.',
  offline: "We couldn't reach SharePoint. Check your connection and try again; nothing was lost.",
  threshold: 'This list has grown too large for that query. Please tell the site owner so it can be fixed.',
  notSetUp: 'Social Media Hub has not been set up on this site yet. A site owner needs to run set-up.',
  server: 'Something went wrong on the server. Please try again; nothing was lost.'
};

/** The headline when SharePoint would not accept the account at all (see ForbiddenReason). */
export const SIGN_IN_REFUSED_MESSAGE =
  "SharePoint did not accept your account. This usually means it has been disabled, isn't known to this organisation, or is no longer signed in. Sign out and in again; if that doesn't help, contact your IT service desk.";
