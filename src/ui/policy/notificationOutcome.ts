import type { PolicyPage } from '../../services/policyService';

// A Teams notification cannot be changed once sent: "Version 2.0 … needs your acknowledgement" stays
// in the feed after the person has confirmed. So the page its link opens says what became of it.
// The link carries the N.0 the notification was about (policyPublisher's deep link: policy:<id>).

export type NotificationOutcome =
  | { kind: 'confirmed'; label: string; at: string }
  | { kind: 'superseded'; current: string }
  | undefined;

export function notificationOutcome(link: { pageId: string; subPageId?: string } | undefined, page: PolicyPage): NotificationOutcome {
  const linked = link?.pageId === 'policy' ? Number(link.subPageId) : NaN;
  const policy = page.policy;
  if (!Number.isInteger(linked) || !policy) return undefined;
  const inForce = policy.majorRelease ?? { id: policy.id, label: policy.label };
  if (linked !== inForce.id && linked !== policy.id) return { kind: 'superseded', current: policy.label };
  // About the major in force: once confirmed, say when; until then the page asks as usual.
  const at = page.acknowledgement.acknowledgedAt;
  return at ? { kind: 'confirmed', label: inForce.label, at } : undefined;
}
