import { AppError } from '../domain/errors';
import { nextVersion, validatePolicy, type PolicyContent, type PolicyProblem, type PolicyVersion, type VersionKind } from '../domain/policy';
import type { IPolicyRepository } from './ports/policy';
import type { IAccountsRepository } from './ports/accounts';
import type { IActivityLog } from './ports/activity';
import type { DeliveryResult, INotifier } from './ports/notifier';

// Comms publish a new version of the policy. The text is checked and its rich text sanitised
// before it is stored; a major version tells every account owner and backup in Teams. The
// notification is best effort on top of the saved version: its failures are reported, never thrown.

export class PolicyValidationError extends AppError {
  public constructor(public readonly problems: PolicyProblem[]) {
    super('validation', `The policy could not be published: ${problems[0]?.message ?? 'please check it.'}`);
  }
}

export interface DeliveryReport {
  recipients: number;
  delivered: number;
  /** Recipients whose notification did not go through, with why; they can be retried. */
  notDelivered: DeliveryResult[];
}

export interface PublishResult {
  version: PolicyVersion;
  /** Only for a major version. */
  delivery?: DeliveryReport;
}

export type HtmlSanitizer = (html: string) => string;

export class PolicyPublisher {
  public constructor(
    private readonly policies: IPolicyRepository,
    private readonly accounts: IAccountsRepository,
    private readonly activity: IActivityLog,
    private readonly notifier: INotifier,
    private readonly sanitize: HtmlSanitizer
  ) {}

  /** Problems with a draft as the editor shows them, after sanitising (what would be stored). */
  public check(content: PolicyContent, changeSummary: string): PolicyProblem[] {
    return validatePolicy(this.clean(content), changeSummary);
  }

  public clean(content: PolicyContent): PolicyContent {
    return { ...content, sections: content.sections.map((s) => ({ ...s, body: this.sanitize(s.body) })) };
  }

  public async publish(input: { content: PolicyContent; kind: VersionKind; changeSummary: string; basedOn?: PolicyVersion }): Promise<PublishResult> {
    const content = this.clean(input.content);
    const problems = validatePolicy(content, input.changeSummary);
    if (problems.length > 0) throw new PolicyValidationError(problems);
    const { major, minor } = nextVersion(input.basedOn, input.kind);
    let version: PolicyVersion;
    try {
      version = await this.policies.publish({ major, minor, isMajor: input.kind === 'major', content, changeSummary: input.changeSummary.trim() });
    } catch (e) {
      // VersionNumber is unique: someone else published this number while this draft was open.
      if (e instanceof AppError && (e.kind === 'validation' || e.kind === 'conflict') && /already exists|duplicate/i.test(`${e.message} ${e.detail ?? ''}`)) {
        throw new AppError('conflict', `Someone published version ${major}.${minor} while you were editing. Reload to see it; your draft is kept.`);
      }
      throw e;
    }
    await this.log('policy.published', version, { label: version.label, isMajor: version.isMajor });
    if (!version.isMajor) return { version };
    return { version, delivery: await this.notifyOwners(version) };
  }

  /** Tells owners and backups about a major version; also used to retry the ones that failed. */
  public async notifyOwners(version: PolicyVersion, only?: string[]): Promise<DeliveryReport> {
    const staffed = await this.accounts.staffedAccounts();
    const everyone = [...new Set(staffed.flatMap((a) => [a.owner?.email, a.backup?.email]).filter((e): e is string => !!e))];
    const recipients = only ? everyone.filter((r) => only.includes(r)) : everyone;
    if (recipients.length === 0) return { recipients: 0, delivered: 0, notDelivered: [] };
    const results = await this.notifier.notify({
      activityType: 'policyPublished',
      recipients,
      previewText: `Version ${version.label} of the social media policy needs your acknowledgement.`,
      templateParameters: { policyVersion: version.label },
      deepLink: { pageId: 'policy', subPageId: String(version.id), label: 'Social media policy' }
    });
    const notDelivered = results.filter((r) => r.status !== 'delivered');
    let report: DeliveryReport = { recipients: recipients.length, delivered: results.length - notDelivered.length, notDelivered };
    if (only) {
      // A retry completes the earlier report rather than replacing it.
      const before = await this.lastDelivery(version).catch(() => undefined);
      if (before) {
        const retried = new Set(recipients);
        report = { recipients: before.recipients, delivered: before.delivered + report.delivered, notDelivered: [...before.notDelivered.filter((r) => !retried.has(r.recipient)), ...notDelivered] };
      }
    }
    await this.log('policy.notified', version, { recipients: report.recipients, delivered: report.delivered, notDelivered: notDelivered.map((r) => ({ recipient: r.recipient, status: r.status, reason: r.reason })) });
    return report;
  }

  /** The last delivery report of a version's notification, for comms to see later and retry. */
  public async lastDelivery(version: PolicyVersion): Promise<(DeliveryReport & { at: string; by?: string }) | undefined> {
    const entry = await this.activity.latest('policy.notified', 'policyVersions', version.id);
    const d = entry?.data as { recipients?: number; delivered?: number; notDelivered?: DeliveryResult[] } | undefined;
    if (!entry || !d) return undefined;
    return { recipients: d.recipients ?? 0, delivered: d.delivered ?? 0, notDelivered: d.notDelivered ?? [], at: entry.at, by: entry.by };
  }

  private async log(action: string, version: PolicyVersion, data: Record<string, unknown>): Promise<void> {
    try {
      await this.activity.append({ action, targetList: 'policyVersions', targetId: version.id, data });
    } catch {
      // The log is a record on top of the saved change; failing to write it must not undo or block it.
    }
  }
}
