import { AppError, isAppError } from '../domain/errors';
import { nextVersion, validatePolicy, type PolicyContent, type PolicyProblem, type PolicyVersion, type VersionKind } from '../domain/policy';
import type { IPolicyRepository } from './ports/policy';
import type { IAccountsRepository } from './ports/accounts';
import type { IActivityLog } from './ports/activity';
import type { INotifier } from './ports/notifier';
import type { DeliveryReport, INotificationReports, StoredDeliveryReport } from './ports/notificationReports';
import { deliverySummary, mergeRetry } from './deliveryReport';

// Comms publish a new version of the policy. The text is checked and its rich text sanitised
// before it is stored. Telling owners and backups about a major version is a separate step on top
// of the saved version (PRODUCT.md §4): it never blocks or undoes the publication, never throws,
// and its outcome is kept where only comms write, so comms see who was not reached and can retry.

export type { DeliveryReport } from './ports/notificationReports';

export class PolicyValidationError extends AppError {
  public constructor(public readonly problems: PolicyProblem[]) {
    super('validation', `The policy could not be published: ${problems[0]?.message ?? 'please check it.'}`);
  }
}

/**
 * Someone published while the draft was being written. `inForce` is the version now in force, when
 * known, so the editor can show what changed since the draft's base before anything is published.
 */
export class PolicyConflictError extends AppError {
  public constructor(message: string, public readonly inForce?: { id: number; label: string }) {
    super('conflict', message);
  }
}

export interface PublishResult {
  version: PolicyVersion;
}

/** A delivery attempt's outcome; `problem` when the recipients could not even be worked out. */
export interface NotifyOutcome extends DeliveryReport {
  problem?: AppError;
}

export type HtmlSanitizer = (html: string) => string;

const TARGET = 'policyVersions';

export class PolicyPublisher {
  public constructor(
    private readonly policies: IPolicyRepository,
    private readonly accounts: IAccountsRepository,
    private readonly activity: IActivityLog,
    private readonly notifier: INotifier,
    private readonly reports: INotificationReports,
    private readonly sanitize: HtmlSanitizer
  ) {}

  /** Problems with a draft as the editor shows them, after sanitising (what would be stored). */
  public check(content: PolicyContent, changeSummary: string): PolicyProblem[] {
    return validatePolicy(this.clean(content), changeSummary);
  }

  public clean(content: PolicyContent): PolicyContent {
    return { ...content, sections: content.sections.map((s) => ({ ...s, body: this.sanitize(s.body) })) };
  }

  /** Saves the new version. Notifying is `notifyOwners`, called after (the editor does it at once). */
  public async publish(input: { content: PolicyContent; kind: VersionKind; changeSummary: string; basedOn?: PolicyVersion }): Promise<PublishResult> {
    const content = this.clean(input.content);
    const problems = validatePolicy(content, input.changeSummary);
    if (problems.length > 0) throw new PolicyValidationError(problems);
    // A draft built on an older version would silently drop what was published since. Versions are
    // append-only items, so "the newest published version is still my draft's base", read just before
    // the add, is the check; the unique VersionNumber column below catches the race this read leaves.
    const [newest] = await this.policies.listVersions();
    if (newest && newest.id !== input.basedOn?.id) {
      throw new PolicyConflictError(`Version ${newest.label} was published while you were editing. Your draft is kept: review what changed before publishing.`, { id: newest.id, label: newest.label });
    }
    const { major, minor } = nextVersion(input.basedOn, input.kind);
    let version: PolicyVersion;
    try {
      version = await this.policies.publish({ major, minor, isMajor: input.kind === 'major', content, changeSummary: input.changeSummary.trim() });
    } catch (e) {
      // VersionNumber is unique: someone else took this number a moment ago.
      if (isAppError(e) && /SPDuplicateValuesFoundException|already exists|duplicate/i.test(`${e.message} ${e.detail ?? ''}`)) {
        const [now] = await this.policies.listVersions().catch(() => []);
        throw new PolicyConflictError(`Someone published version ${major}.${minor} while you were editing. Your draft is kept: review what changed before publishing.`, now && { id: now.id, label: now.label });
      }
      throw e;
    }
    await this.log('policy.published', version, { label: version.label, isMajor: version.isMajor });
    return { version };
  }

  /**
   * Tells owners and backups about a major version (all of them, or `only` those, for a retry). Never
   * throws: a failure becomes the outcome's `problem` or a per-person result. A retry adds a new
   * report that carries the earlier results of everyone it did not retry.
   */
  public async notifyOwners(version: PolicyVersion, only?: string[]): Promise<NotifyOutcome> {
    // Owners are told about the major release (N.0), also when comms retry while a minor is in force.
    const release = version.majorRelease ?? version;
    let recipients: string[];
    const names = new Map<string, string>();
    try {
      const staffed = await this.accounts.staffedAccounts();
      const people = staffed.flatMap((a) => [a.owner, a.backup]).filter((p): p is NonNullable<typeof p> => !!p?.login);
      people.forEach((p) => names.set(p.login.toLowerCase(), p.name));
      const everyone = [...new Set(people.map((p) => p.login))];
      const wanted = only && new Set(only.map((r) => r.toLowerCase()));
      recipients = wanted ? everyone.filter((r) => wanted.has(r.toLowerCase())) : everyone;
    } catch (e) {
      return { recipients: 0, results: [], problem: isAppError(e) ? e : new AppError('server', 'The list of owners and backups could not be read.') };
    }
    if (recipients.length === 0) return { recipients: 0, results: [] };
    const sent = await this.notifier.notify({
      activityType: 'policyPublished',
      recipients,
      previewText: `Version ${release.label} of the social media policy needs your acknowledgement.`,
      templateParameters: { policyVersion: release.label },
      deepLink: { pageId: 'policy', subPageId: String(release.id), label: 'Social media policy' }
    });
    // The register knows everyone by name, even people the directory no longer does.
    const results = sent.map((r) => (r.name ? r : { ...r, name: names.get(r.recipient.toLowerCase()) }));
    let report: DeliveryReport = { recipients: recipients.length, results };
    if (only) {
      const before = await this.lastDelivery(version).catch(() => undefined);
      if (before) report = mergeRetry(before, results);
    }
    try {
      await this.reports.save(TARGET, release.id, 'policyPublished', report);
    } catch (e) {
      return { ...report, problem: isAppError(e) ? e : undefined };
    }
    const summary = deliverySummary(report);
    await this.log('policy.notified', version, { recipients: report.recipients, sent: summary.sent, notReachable: summary.notReachable.length, failed: summary.failed.length });
    return report;
  }

  /**
   * The stored delivery report of a version's major release (N.0, the version owners were told
   * about), for comms to see later and retry, also while a later minor version is in force.
   */
  public lastDelivery(version: PolicyVersion): Promise<StoredDeliveryReport | undefined> {
    return this.reports.latest(TARGET, version.majorRelease?.id ?? version.id);
  }

  private async log(action: string, version: PolicyVersion, data: Record<string, unknown>): Promise<void> {
    try {
      await this.activity.append({ action, targetList: TARGET, targetId: version.id, data });
    } catch {
      // The log is a record on top of the saved change; failing to write it must not undo or block it.
    }
  }
}
