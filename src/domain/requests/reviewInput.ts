import type { DecisionOutcome, ReviewOutcome } from '../trust';

// What comms and the heads write to the requester. A request turned down or sent back needs words
// the requester can act on; a decision always says why (the Reason column is required).

export const REVIEW_MESSAGE_LIMIT = 2000;

export function reviewMessageProblem(outcome: ReviewOutcome, message: string): string | undefined {
  const text = message.trim();
  if (text.length > REVIEW_MESSAGE_LIMIT) return `Keep the message to ${REVIEW_MESSAGE_LIMIT.toLocaleString('en-GB')} characters; it has ${text.length.toLocaleString('en-GB')}.`;
  if (outcome === 'More information' && !text) return 'Say what the requester should add or change: they see this message.';
  if (outcome === 'Reject' && !text) return 'Say why the request is turned down and what the requester could do instead.';
  return undefined;
}

export function decisionReasonProblem(outcome: DecisionOutcome, reason: string): string | undefined {
  const text = reason.trim();
  if (text.length > REVIEW_MESSAGE_LIMIT) return `Keep the reason to ${REVIEW_MESSAGE_LIMIT.toLocaleString('en-GB')} characters; it has ${text.length.toLocaleString('en-GB')}.`;
  if (!text) return outcome === 'Approve' ? 'Say why it is approved, and any conditions (the requester and comms see this).' : 'Say why it is rejected: the requester sees this.';
  return undefined;
}
