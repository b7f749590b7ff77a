import { AppError, isAppError } from '../domain/errors';
import { audienceCoverage, type AudienceCoverage, type AudiencePerson, type CoverageRow } from '../domain/coverage';
import { toCsv } from '../domain/csv';
import type { PolicyVersion } from '../domain/policy';
import type { CoverageService, KeyPerson } from './coverageService';
import type { AudienceProgress, IDirectory } from './ports/directory';
import type { IActivityLog } from './ports/activity';
import type { INotifier } from './ports/notifier';
import type { DeliveryReport, INotificationReports, StoredDeliveryReport } from './ports/notificationReports';
import { deliverySummary, mergeRetry } from './deliveryReport';

// Coverage of everyone the policy is for: the audience from the directory, matched against the
// acknowledgements of the major version in force, and a Teams reminder for those who have not
// confirmed. Reminding is best effort on top of nothing (it changes no record): its outcome is kept
// in the comms-only notification reports so the next comms person sees who was not reached.

export interface AudienceLoadProgress {
  directory: AudienceProgress;
  /** Acknowledgements read so far. */
  acknowledgements: number;
}

export interface ReminderOutcome extends DeliveryReport {
  problem?: AppError;
}

/** Reminders are kept apart from the publication's report, which the coverage view also shows. */
const REMINDERS = 'policyReminders';
/** How long a read of the audience is reused for counts (the confirmation before a major version). */
const AUDIENCE_TTL_MS = 5 * 60 * 1000;

export const NO_DIRECTORY = (): AppError =>
  new AppError('forbidden', 'The hub cannot read the directory here: Microsoft Graph is not available to it. An administrator approves its Graph permissions in the SharePoint admin centre (see the README, deployment).');

export class AudienceService {
  private cached?: { groupId: string; at: number; people: Promise<AudiencePerson[]> };

  public constructor(
    private readonly directory: IDirectory | undefined,
    private readonly coverage: CoverageService,
    private readonly notifier: INotifier,
    private readonly reports: INotificationReports,
    private readonly activity: IActivityLog,
    private readonly now: () => number = Date.now
  ) {}

  /** The audience, read once and reused for a few minutes (a failed read is not kept). */
  public people(groupId: string, onProgress?: (p: AudienceProgress) => void): Promise<AudiencePerson[]> {
    const directory = this.directory;
    if (!directory) return Promise.reject(NO_DIRECTORY());
    const fresh = this.cached && this.cached.groupId === groupId && this.now() - this.cached.at < AUDIENCE_TTL_MS;
    if (!fresh || onProgress) {
      // A view that shows progress reads again, so what it shows is current.
      const people = directory.audience(groupId || undefined, onProgress);
      this.cached = { groupId, at: this.now(), people };
      people.catch(() => { if (this.cached?.people === people) this.cached = undefined; });
    }
    return this.cached!.people;
  }

  /** How many people a major version asks to confirm again. */
  public async size(groupId: string): Promise<number> {
    return (await this.people(groupId)).length;
  }

  public async groupName(groupId: string): Promise<string | undefined> {
    if (!groupId || !this.directory) return undefined;
    return this.directory.groupName(groupId);
  }

  /** Everyone in the audience with whether they confirmed the major version in force. */
  public async load(policy: PolicyVersion, groupId: string, keyPeople: KeyPerson[], onProgress: (p: AudienceLoadProgress) => void = () => undefined): Promise<AudienceCoverage> {
    const progress: AudienceLoadProgress = { directory: { loaded: 0 }, acknowledgements: 0 };
    const [people, confirmations] = await Promise.all([
      this.people(groupId, (d) => { progress.directory = d; onProgress({ ...progress }); }),
      this.coverage.everyone(policy, (n) => { progress.acknowledgements = n; onProgress({ ...progress }); })
    ]);
    return audienceCoverage(
      people,
      confirmations.map((a) => ({ login: a.login, email: a.email, at: a.at })),
      keyPeople.map((k) => ({ login: k.login, email: k.email, roles: k.roles, accounts: k.accounts }))
    );
  }

  /**
   * Sends each person one Teams reminder (in bulk calls of at most 100 for large audiences; the
   * notifier decides). `retryOf` is the earlier report when comms retry those not reached: the new
   * report carries everyone else's earlier result. Never throws.
   */
  public async remind(policy: PolicyVersion, people: CoverageRow[], retryOf?: DeliveryReport): Promise<ReminderOutcome> {
    const release = policy.majorRelease ?? policy;
    const pending = people.filter((p) => !p.confirmedAt);
    if (pending.length === 0) return { recipients: 0, results: [] };
    const sent = await this.notifier.notify({
      activityType: 'policyReminder',
      recipients: pending.map((p) => p.id),
      known: pending.map((p) => ({ id: p.id, name: p.name })),
      previewText: `Please read and confirm version ${release.label} of the social media policy.`,
      templateParameters: { policyVersion: release.label },
      deepLink: { pageId: 'policy', subPageId: String(release.id), label: 'Social media policy' }
    });
    const report: DeliveryReport = retryOf ? mergeRetry(retryOf, sent) : { recipients: pending.length, results: sent };
    try {
      await this.reports.save(REMINDERS, release.id, 'policyReminder', report);
    } catch (e) {
      return { ...report, problem: isAppError(e) ? e : new AppError('server', 'The reminders were sent, but their report could not be saved.') };
    }
    const summary = deliverySummary(report);
    try {
      await this.activity.append({ action: 'policy.reminded', targetList: 'policyVersions', targetId: release.id, data: { recipients: report.recipients, sent: summary.sent, notReachable: summary.notReachable.length, failed: summary.failed.length } });
    } catch {
      // The log records what happened; failing to write it changes nothing that was sent.
    }
    return report;
  }

  /** The newest reminder report for the major version in force. */
  public lastReminder(policy: PolicyVersion): Promise<StoredDeliveryReport | undefined> {
    return this.reports.latest(REMINDERS, (policy.majorRelease ?? policy).id);
  }

  /** Everyone in the audience, who has and who has not confirmed, then confirmations from outside it. */
  public csv(policy: PolicyVersion, coverage: AudienceCoverage): string {
    const label = (policy.majorRelease ?? policy).label;
    const rows: (string | undefined)[][] = coverage.rows.map((r) => [
      r.name, r.mail ?? r.upn, r.department, r.roles.length ? r.roles.join(' and ') : 'staff', r.accounts.join('; '), r.confirmedAt ? 'Yes' : 'No', r.confirmedAt
    ]);
    for (const c of coverage.outside) rows.push([c.login ?? c.email ?? '', c.email ?? c.login, '', 'not in the audience', '', 'Yes', c.at]);
    return toCsv(['Name', 'E-mail', 'Department', 'Role', 'Accounts', `Confirmed ${label}`, 'Confirmed at'], rows);
  }
}
