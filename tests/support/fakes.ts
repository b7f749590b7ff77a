import { DEFAULT_POLICY, majorReleaseOf, versionLabel, type PolicyVersion } from '../../src/domain/policy';
import { AppError } from '../../src/domain/errors';
import type { IPolicyRepository, PolicyPageData, PolicyVersionSummary, PublishInput } from '../../src/services/ports/policy';
import type { AcknowledgementRecord, IAcknowledgementRepository } from '../../src/services/ports/acknowledgements';
import type { AccountStaffing, IAccountsRepository } from '../../src/services/ports/accounts';
import type { IActivityLog } from '../../src/services/ports/activity';
import type { ActivityNotification, DeliveryResult, INotifier, NotReachableReason } from '../../src/services/ports/notifier';
import { DEFAULT_SETTINGS } from '../../src/services/ports/settings';
import type { DeliveryReport, INotificationReports } from '../../src/services/ports/notificationReports';

// In-memory stand-ins for the ports, behaving like the SharePoint lists they replace (authors are
// whoever `me` is; version numbers are unique).

/**
 * SharePoint's clock for the fakes: every item they record gets a later time than the one before,
 * whole seconds like SharePoint's Created (never two identical stamps, which would hide ordering bugs).
 */
export class ServerClock {
  private t = Date.parse('2026-11-20T09:00:00Z');
  public now(): string {
    this.t += 67_000;
    return new Date(this.t).toISOString().replace(/\.\d{3}Z$/, 'Z');
  }
}

/** The clock the fakes share unless a test gives them its own. */
export const SERVER_CLOCK = new ServerClock();

export class MemoryNotificationReports implements INotificationReports {
  public saved: { targetList: string; targetId: number; report: DeliveryReport; at: string }[] = [];
  public constructor(private readonly clock: ServerClock = SERVER_CLOCK) {}
  public async latest(targetList: string, targetId: number) {
    const r = [...this.saved].reverse().find((x) => x.targetList === targetList && x.targetId === targetId);
    return r && { ...r.report, at: r.at, by: 'Chris Morgan' };
  }
  /** Append-only, like the list: a retry's report is a new record and the latest counts. */
  public async save(targetList: string, targetId: number, _type: string, report: DeliveryReport) {
    this.saved.push({ targetList, targetId, report, at: this.clock.now() });
  }
}

export class MemoryAcknowledgements implements IAcknowledgementRepository {
  public records: AcknowledgementRecord[] = [];
  public constructor(public me: () => number, private readonly clock: ServerClock = SERVER_CLOCK) {}
  public async add(major: number, label: string) {
    const r = { id: this.records.length + 1, major, label, at: this.clock.now(), userId: this.me() };
    this.records.push(r);
    return r;
  }
  public async recentFor(userId: number) {
    return this.records.filter((r) => r.userId === userId).reverse();
  }
  public async forUsers(ids: number[], major: number) {
    return new Map(this.records.filter((r) => ids.includes(r.userId) && r.major === major).map((r) => [r.userId, r]));
  }
  public async forEachPage(major: number, onPage: (p: AcknowledgementRecord[]) => void, options: { since?: string } = {}) {
    const all = this.records.filter((r) => r.major === major && (!options.since || r.at >= options.since));
    for (let i = 0; i < all.length; i += 2) onPage(all.slice(i, i + 2));
    return all.length;
  }
}

export class MemoryPolicies implements IPolicyRepository {
  public versions: PolicyVersion[] = [];
  public constructor(private acks: MemoryAcknowledgements, public isComms = false, private readonly clock: ServerClock = SERVER_CLOCK) {}
  /** As the repository returns versions: each with its major's N.0. */
  private withRelease<V extends PolicyVersionSummary>(v: V): V {
    return { ...v, majorRelease: majorReleaseOf(v, this.versions) };
  }
  public inForce() {
    const v = [...this.versions].sort((a, b) => b.major * 1000 + b.minor - (a.major * 1000 + a.minor))[0];
    return v && this.withRelease(v);
  }
  public async loadPolicyPage(me: number): Promise<PolicyPageData> {
    const mine = await this.acks.recentFor(me);
    return { policy: this.inForce(), versions: await this.listVersions(), settings: { ...DEFAULT_SETTINGS, organisationName: 'Northshire Council' }, myAcks: mine.map((a) => ({ major: a.major, at: a.at })), canPublish: this.isComms, canReadAllAcks: this.isComms, canManageSite: false };
  }
  public async listVersions(): Promise<PolicyVersionSummary[]> {
    const newestFirst = [...this.versions].sort((a, b) => b.major * 1000 + b.minor - (a.major * 1000 + a.minor));
    return newestFirst.map(({ content: _c, ...s }) => this.withRelease(s));
  }
  public async getVersion(id: number) { return this.withRelease(this.versions.find((v) => v.id === id)!); }
  public async hasAnyVersion() { return this.versions.length > 0; }
  public async publish(input: PublishInput) {
    if (this.versions.some((v) => v.major === input.major && v.minor === input.minor)) {
      // What the normaliser makes of SharePoint's 500 for a value a unique column already holds.
      throw new AppError('validation', 'The list item could not be added or updated because duplicate values were found in one or more fields in the list.',
        { detail: '500 -2130575169, Microsoft.SharePoint.SPDuplicateValuesFoundException: The list item could not be added or updated because duplicate values were found in one or more fields in the list.' });
    }
    const v: PolicyVersion = { id: this.versions.length + 1, major: input.major, minor: input.minor, label: versionLabel(input.major, input.minor), isMajor: input.isMajor, content: input.content, changeSummary: input.changeSummary, publishedAt: this.clock.now() };
    this.versions.push(v);
    return this.withRelease(v);
  }
  public seed(major = 1, minor = 0, changeSummary?: string) {
    const v: PolicyVersion = { id: this.versions.length + 1, major, minor, label: versionLabel(major, minor), isMajor: minor === 0, content: DEFAULT_POLICY, changeSummary, publishedAt: this.clock.now() };
    this.versions.push(v);
    return this.withRelease(v);
  }
}

export class FixedAccounts implements IAccountsRepository {
  public constructor(public accounts: AccountStaffing[] = []) {}
  public async staffedAccounts() { return this.accounts; }
}

export class MemoryActivity implements IActivityLog {
  public entries: { action: string; targetList: string; targetId?: number; data?: Record<string, unknown> }[] = [];
  public failing = false;
  public async append(entry: MemoryActivity['entries'][number]) {
    if (this.failing) throw new AppError('throttled', 'busy');
    this.entries.push(entry);
  }
}

/** What the fake notifier answers for a person: sent, a failure, or a reason they cannot be reached. */
export type FakeOutcome = 'sent' | 'throttled' | 'failed' | NotReachableReason;

export class RecordingNotifier implements INotifier {
  public sent: ActivityNotification[] = [];
  public constructor(private outcome: (recipient: string) => FakeOutcome = () => 'sent') {}
  public async notify(n: ActivityNotification) {
    this.sent.push(n);
    return n.recipients.map((recipient): DeliveryResult => {
      const outcome = this.outcome(recipient);
      if (outcome === 'sent') return { recipient, status: 'sent', via: 'single' };
      if (outcome === 'throttled') return { recipient, status: 'failed', reason: 'throttled', retryAfterSeconds: 5 };
      if (outcome === 'failed') return { recipient, status: 'failed', reason: 'server' };
      return { recipient, status: 'notReachable', reason: outcome };
    });
  }
  public async postChannelCard() { return { status: 'posted' as const, messageId: '1' }; }
}

export const OLIVIA = { userId: 12, name: 'Olivia Reed', email: 'olivia.reed@northshire.gov.uk', login: 'olivia.reed@northshire.gov.uk' };
export const BEN = { userId: 13, name: 'Ben Hughes', email: 'ben.hughes@northshire.gov.uk', login: 'ben.hughes@northshire.gov.uk' };
export const SAM = { userId: 11, name: 'Sam Patel', email: 'sam.patel@northshire.gov.uk', login: 'sam.patel@northshire.gov.uk' };
