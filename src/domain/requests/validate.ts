import { closeAccountInputFrom, emptyCloseAccount, validateCloseAccount } from './closeAccount';
import { serialiseDetails } from './details';
import { emptyIdeaOrQuestion, ideaOrQuestionInputFrom, validateIdeaOrQuestion } from './ideaOrQuestion';
import { REQUEST_LIMITS } from './limits';
import { emptyNewAccount, newAccountInputFrom, validateNewAccount } from './newAccount';
import { emptyPaidCampaign, paidCampaignInputFrom, validatePaidCampaign } from './paidCampaign';
import type { FormProblem, RequestDetails, RequestInput, RequestKind, Validated, ValidationContext } from './types';

// One entry for every kind: check a form, start an empty one, fill one in from a request to revise it.

export type AcceptedRequest = { ok: true; details: RequestDetails; json: string } | { ok: false; problems: FormProblem[] };

function byKind(input: RequestInput, ctx: ValidationContext): Validated<RequestDetails> {
  switch (input.kind) {
    case 'New account': return validateNewAccount(input, ctx);
    case 'Paid campaign': return validatePaidCampaign(input, ctx);
    case 'Close account': return validateCloseAccount(input);
    case 'Idea or question': return validateIdeaOrQuestion(input);
  }
}

/**
 * Checks a whole form: every problem at once, each under its field's path, or the request's Details
 * and the exact JSON to store. Never throws on anything typed.
 */
export function validateRequest(input: RequestInput, ctx: ValidationContext): AcceptedRequest {
  const checked = byKind(input, ctx);
  if (!checked.ok) return checked;
  const json = serialiseDetails(checked.value);
  // The limits of the fields keep every request far below this; the check stays as a last guard.
  if (json.length > REQUEST_LIMITS.detailsLength) return { ok: false, problems: [{ path: '', message: 'The request as a whole is too long to store. Shorten the longest answers.' }] };
  return { ok: true, details: checked.value, json };
}

/**
 * The problems of one field (a path such as 'owner' or 'staffedHours.slots.1'), for checking as the
 * person types: the same rules as the whole form, so the two can never disagree.
 */
export function fieldProblems(input: RequestInput, path: string, ctx: ValidationContext): FormProblem[] {
  const checked = byKind(input, ctx);
  if (checked.ok) return [];
  return checked.problems.filter((p) => p.path === path || p.path.startsWith(`${path}.`));
}

export function emptyRequest(kind: RequestKind): RequestInput {
  switch (kind) {
    case 'New account': return emptyNewAccount();
    case 'Paid campaign': return emptyPaidCampaign();
    case 'Close account': return emptyCloseAccount();
    case 'Idea or question': return emptyIdeaOrQuestion();
  }
}

/** The form as it was sent, to revise a request. */
export function inputFromDetails(d: RequestDetails): RequestInput {
  switch (d.kind) {
    case 'New account': return newAccountInputFrom(d);
    case 'Paid campaign': return paidCampaignInputFrom(d);
    case 'Close account': return closeAccountInputFrom(d);
    case 'Idea or question': return ideaOrQuestionInputFrom(d);
  }
}
