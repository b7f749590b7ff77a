import { acknowledgementOf, changedParts, visibleContent, whatChangedSince, type ChangedParts, type WhatChangedSince, fillPlaceholders, fillPlaceholdersHtml, namesFor, type MajorRelease, type PolicyPlaceholders, type PolicyVersion } from '../domain/policy';
import type { IPolicyRepository, PolicyPageData, PolicyVersionSummary } from './ports/policy';
import type { IAcknowledgementRepository } from './ports/acknowledgements';

export interface AcknowledgementStatus {
  /** This person has not acknowledged the major version in force (its N.0) since it was published. */
  required: boolean;
  /** When they acknowledged the major version in force, if they did. */
  acknowledgedAt?: string;
  /** The N.0 to acknowledge (its label and change note), also while a later minor is in force. */
  release?: MajorRelease;
  /**
   * Only while confirmation is required and the published versions are known: the version they last
   * confirmed (none: their first time) and every version since, newest first, with its change note.
   */
  sinceConfirmed?: WhatChangedSince<PolicyVersionSummary>;
}

export interface PolicyPage extends PolicyPageData {
  placeholders: PolicyPlaceholders;
  /** Renders plain policy text with the organisation's names. */
  render(text: string): string;
  /** Renders policy rich text (HTML) with the names, escaped. */
  renderHtml(html: string): string;
  acknowledgement: AcknowledgementStatus;
}

export function acknowledgementStatus(
  policy: PolicyVersion | undefined, acks: readonly { major: number; at: string }[], versions?: readonly PolicyVersionSummary[]
): AcknowledgementStatus {
  if (!policy) return { required: false };
  const ack = acknowledgementOf(acks, policy);
  const release = policy.majorRelease;
  if (ack) return { required: false, acknowledgedAt: ack.at, ...(release && { release }) };
  return { required: true, ...(release && { release }), ...(versions && { sinceConfirmed: whatChangedSince(acks, versions) }) };
}

export function renderersFor(placeholders: PolicyPlaceholders): Pick<PolicyPage, 'render' | 'renderHtml'> {
  return { render: (t) => fillPlaceholders(t, placeholders), renderHtml: (h) => fillPlaceholdersHtml(h, placeholders) };
}

/** The same page showing another version (history, preview): names from that version, else settings. */
export function pageWithVersion(page: PolicyPage, policy: PolicyVersion): PolicyPage {
  const placeholders = namesFor(policy.content, { organisation: page.settings.organisationName, commsHead: page.settings.commsHeadName });
  return { ...page, policy, placeholders, ...renderersFor(placeholders) };
}

export class PolicyService {
  public constructor(
    private readonly policies: IPolicyRepository,
    private readonly acknowledgements: IAcknowledgementRepository,
    private readonly me: () => Promise<number>
  ) {}

  public async loadPage(): Promise<PolicyPage> {
    const data = await this.policies.loadPolicyPage(await this.me());
    const placeholders = namesFor(data.policy?.content ?? {}, { organisation: data.settings.organisationName, commsHead: data.settings.commsHeadName });
    return { ...data, placeholders, ...renderersFor(placeholders), acknowledgement: acknowledgementStatus(data.policy, data.myAcks, data.versions) };
  }

  /** Acknowledges the version in force; doing it twice adds nothing. */
  public async acknowledge(page: PolicyPage): Promise<PolicyPage> {
    const policy = page.policy;
    if (!policy || !page.acknowledgement.required) return page;
    // A second tab may have acknowledged already: check before adding another. (Two tabs racing can
    // still both add; that is harmless, every reader counts a person once.)
    const mine = await this.acknowledgements.recentFor(await this.me());
    const existing = acknowledgementOf(mine, policy);
    const record = existing ?? (await this.acknowledgements.add(policy.major, policy.majorRelease?.label ?? policy.label));
    const myAcks = [{ major: record.major, at: record.at }, ...page.myAcks];
    return { ...page, myAcks, acknowledgement: acknowledgementStatus(policy, myAcks, page.versions) };
  }

  /**
   * The sections and do's/don'ts of the version in force that changed since the version the person
   * last confirmed (none once they have confirmed, or on their first time: then everything is new).
   * One request, after the first paint: that version's content.
   */
  public async changedSinceConfirmed(page: PolicyPage): Promise<ChangedParts | undefined> {
    const confirmed = page.acknowledgement.sinceConfirmed?.confirmed;
    if (!page.policy || !page.acknowledgement.required || !confirmed) return undefined;
    const before = await this.policies.getVersion(confirmed.id);
    return changedParts(visibleContent(before.content), visibleContent(page.policy.content));
  }

  public listVersions(): Promise<PolicyVersionSummary[]> {
    return this.policies.listVersions();
  }

  public getVersion(id: number): Promise<PolicyVersion> {
    return this.policies.getVersion(id);
  }
}
