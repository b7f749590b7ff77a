import { acknowledgementOf } from '../domain/policy';
import type { IPolicyRepository } from './ports/policy';
import type { IAcknowledgementRepository } from './ports/acknowledgements';

// PRODUCT.md C1: acknowledging the version in force is a gate. Requests, ownership and reporting
// ask this before they let someone submit, or be named owner or backup.

export interface GateResult {
  allowed: boolean;
  /** Label of the version in force, e.g. "2.0". */
  versionLabel?: string;
  /** For a refusal: a sentence for the person, and where the policy is. */
  message?: string;
  policyLink?: { pageId: 'policy' };
}

export class AcknowledgementGate {
  public constructor(
    private readonly policies: IPolicyRepository,
    private readonly acknowledgements: IAcknowledgementRepository,
    private readonly me: () => Promise<number>
  ) {}

  /**
   * Has this person acknowledged the major version in force (after it was published)? For yourself
   * it reads your own items; for someone else it needs comms' read-all right (SharePoint refuses
   * everyone else).
   */
  public async check(userId?: number): Promise<GateResult> {
    const me = await this.me();
    const who = userId ?? me;
    const [policy] = await this.policies.listVersions();
    if (!policy) return { allowed: true };
    const acks = who === me ? await this.acknowledgements.recentFor(me) : [...(await this.acknowledgements.forUsers([who], policy.major)).values()];
    if (acknowledgementOf(acks, policy)) return { allowed: true, versionLabel: policy.label };
    const message = who === me
      ? `Please read and acknowledge the social media policy (version ${policy.label}) first. It takes a few minutes.`
      : `This person has not acknowledged the social media policy (version ${policy.label}) yet, so they cannot be named here until they do.`;
    return { allowed: false, versionLabel: policy.label, message, policyLink: { pageId: 'policy' } };
  }
}
