import { checkRoleDraft, roleHolders, roleWarnings, withStandardRoles, type EmergencyRole, type RoleDraft, type RoleDraftField, type RoleWarning } from '../domain/emergency';
import { AppError, isAppError } from '../domain/errors';
import type { IAccountsRepository } from './ports/accounts';
import type { IActivityLog } from './ports/activity';
import type { Activation, AnnouncedRole, ChannelOutcome, HolderCheck, IActivationLog, IEmergencyRoles, IHolderDirectory, LoggedActivation } from './ports/emergency';
import type { DeliveryResult, INotifier } from './ports/notifier';
import { isRetryable, mergeRetry } from './deliveryReport';
import type { RolesCardText } from './emergency/rolesCard';

// The emergency plan (PRODUCT.md C8): the roles with what needs putting right, comms' edits (from
// the ETag they read, so nobody overwrites a colleague), and "Announce roles": an Adaptive Card in
// the configured Teams channel plus a Teams notification to every holder and backup, logged in the
// activation log for the next comms person. Notifications are best effort: nothing here throws for
// a send that did not go; the log says what was sent, who was not reachable and why.

export interface PlanAccount { id: number; name: string }

export interface EmergencyPlan {
  /** Standard roles first (placeholders where not saved), then the others. */
  roles: EmergencyRole[];
  warnings: RoleWarning[];
  /** The directory's answer per sign-in name (lower case); empty when it could not be asked. */
  holders: Map<string, HolderCheck>;
  /** Why the directory could not be asked, when it could not. */
  directoryProblem?: AppError;
  /** Open register accounts, for naming what a role covers. */
  accounts: PlanAccount[];
  canEdit: boolean;
}

export type RoleSaveOutcome =
  | { kind: 'saved'; id: number }
  | { kind: 'invalid'; problems: Partial<Record<RoleDraftField, string>> }
  /** Someone saved the role after it was read: nothing was written; `current` is the role now. */
  | { kind: 'conflict'; current: EmergencyRole }
  | { kind: 'gone' };

export interface AnnounceProgress {
  /** Steps finished: the channel post counts as one, each person as one. */
  done: number;
  total: number;
}

export interface AnnounceOutcome extends Activation {
  /** The log entry's id, when it was saved. */
  logId?: number;
  /** Set when the sends happened but the log could not be saved. */
  problem?: AppError;
}

export interface ChannelSetting { teamId: string; channelId: string }

const NOT_KNOWN = 'Nobody in the organisation has this e-mail address. Check the spelling, or ask them for their work address.';

export class EmergencyPlanService {
  public constructor(
    private readonly store: IEmergencyRoles,
    private readonly accounts: IAccountsRepository,
    private readonly directory: IHolderDirectory | undefined,
    private readonly notifier: INotifier,
    private readonly log: IActivationLog,
    private readonly activity: IActivityLog,
    private readonly channel: ChannelSetting,
    private readonly cardText: RolesCardText
  ) {}

  public get channelConfigured(): boolean {
    return !!(this.channel.teamId.trim() && this.channel.channelId.trim());
  }

  public async load(): Promise<EmergencyPlan> {
    const [saved, accounts, canEdit] = await Promise.all([
      this.store.roles(),
      this.accounts.staffedAccounts().then((a) => a.map((x) => ({ id: x.accountId, name: x.accountName }))),
      this.store.canEdit().catch(() => false)
    ]);
    const roles = withStandardRoles(saved);
    let holders = new Map<string, HolderCheck>();
    let directoryProblem: AppError | undefined;
    if (this.directory) {
      try {
        holders = await this.directory.check(roleHolders(roles).map((h) => h.login));
      } catch (e) {
        directoryProblem = isAppError(e) ? e : new AppError('server', 'The directory could not be asked who has left.');
      }
    }
    const warnings = roleWarnings(roles, (login) => holders.get(login.toLowerCase())?.status ?? 'unchecked');
    return { roles, warnings, holders, directoryProblem, accounts, canEdit };
  }

  /** Saves a role: a new item when `base` is undefined (or a standard role not saved yet), else over `base` only if nobody saved since. */
  public async save(draft: RoleDraft, base: { id: number; etag: string } | undefined, others: readonly EmergencyRole[]): Promise<RoleSaveOutcome> {
    const checked = checkRoleDraft(draft, others, base?.id ?? 0);
    if (!checked.ok) return { kind: 'invalid', problems: checked.problems };
    const v = checked.value;
    const [personId, backupId] = await Promise.all([v.personEmail, v.backupEmail].map((e) => (e ? this.store.personId(e) : Promise.resolve(null))));
    const problems: Partial<Record<RoleDraftField, string>> = {};
    if (personId === undefined) problems.personEmail = NOT_KNOWN;
    if (backupId === undefined) problems.backupEmail = NOT_KNOWN;
    if (Object.keys(problems).length) return { kind: 'invalid', problems };
    const people = { personId: personId ?? null, backupId: backupId ?? null };
    if (!base || base.id === 0) return { kind: 'saved', id: (await this.store.add(v, people)).id };
    try {
      await this.store.update(base.id, base.etag, v, people);
      return { kind: 'saved', id: base.id };
    } catch (e) {
      if (!isAppError(e) || (e.kind !== 'conflict' && e.kind !== 'notFound')) throw e;
      const current = await this.store.role(base.id);
      return current ? { kind: 'conflict', current } : { kind: 'gone' };
    }
  }

  /** The roles as the announcement names them (names, not ids). */
  public snapshot(plan: EmergencyPlan): AnnouncedRole[] {
    const names = new Map(plan.accounts.map((a) => [a.id, a.name]));
    return plan.roles.map((r) => ({ role: r.role, person: r.person?.name, backup: r.backup?.name, accounts: r.accounts.map((id) => names.get(id) ?? `#${id}`) }));
  }

  private async postCard(roles: AnnouncedRole[]): Promise<ChannelOutcome> {
    if (!this.channelConfigured) return { status: 'failed', reason: 'notConfigured' };
    // The templating library and its expression engine are about 200 KB gzip: loaded when comms
    // announce, not when anyone opens the plan.
    const { buildRolesCard } = await import(/* webpackChunkName: 'smh-roles-card' */ './emergency/rolesCard');
    const posted = await this.notifier.postChannelCard({
      teamId: this.channel.teamId.trim(), channelId: this.channel.channelId.trim(), card: buildRolesCard(roles, this.cardText), summary: this.cardText.title
    });
    return posted.status === 'posted' ? { status: 'posted', messageId: posted.messageId } : { status: 'failed', reason: posted.reason };
  }

  private async notify(recipients: string[], known: { id: string; name: string }[], roleCount: number, onProgress: (done: number) => void): Promise<DeliveryResult[]> {
    if (!recipients.length) return [];
    return this.notifier.notify({
      activityType: 'emergencyRolesAnnounced',
      recipients,
      known,
      previewText: 'You hold a social media role in the emergency plan. Open the plan to see who does what.',
      templateParameters: { roleCount: String(roleCount) },
      deepLink: { pageId: 'emergency', label: this.cardText.title },
      onProgress: (done) => onProgress(done)
    });
  }

  private async keep(activation: Activation): Promise<AnnounceOutcome> {
    let logId: number | undefined;
    try {
      logId = await this.log.add(activation);
    } catch (e) {
      return { ...activation, problem: isAppError(e) ? e : new AppError('server', 'The announcement went out, but its log entry could not be saved.') };
    }
    const sent = activation.results.filter((r) => r.status === 'sent').length;
    await this.activity.append({
      action: activation.retryOf ? 'emergency.announceRetried' : 'emergency.announced', targetList: 'emergencyRoles', targetId: logId,
      data: { channel: activation.channel.status, recipients: activation.recipients, sent, notSent: activation.recipients - sent }
    }).catch(() => undefined);
    return { ...activation, logId };
  }

  /**
   * Posts the card and notifies every holder and backup (people the directory reported as gone or
   * disabled are not sent to, and the log says why). Never throws for a send that did not go.
   */
  public async announce(plan: EmergencyPlan, onProgress: (p: AnnounceProgress) => void = () => undefined): Promise<AnnounceOutcome> {
    const roles = this.snapshot(plan);
    const holders = roleHolders(plan.roles);
    const total = holders.length + 1;
    onProgress({ done: 0, total });
    const channel = await this.postCard(roles);
    onProgress({ done: 1, total });

    const before: DeliveryResult[] = [];
    const recipients: string[] = [];
    const known: { id: string; name: string }[] = [];
    for (const h of holders) {
      const check = plan.holders.get(h.login.toLowerCase());
      if (check?.status === 'gone') before.push({ recipient: h.login, name: h.name, status: 'notReachable', reason: 'unknown' });
      else if (check?.status === 'disabled') before.push({ recipient: h.login, name: h.name, status: 'notReachable', reason: 'disabled' });
      else if (check?.id && check.status === 'active') {
        recipients.push(check.id);
        known.push({ id: check.id, name: check.name ?? h.name });
      } else recipients.push(h.login);
    }
    const sent = await this.notify(recipients, known, plan.roles.length, (done) => onProgress({ done: 1 + before.length + done, total }));
    onProgress({ done: total, total });
    return this.keep({ roles, channel, recipients: holders.length, results: [...before, ...sent] });
  }

  /** Sends again what did not go in an earlier announcement: the card if it was not posted, and the people who can be retried. */
  public async retry(entry: LoggedActivation | AnnounceOutcome, onProgress: (p: AnnounceProgress) => void = () => undefined): Promise<AnnounceOutcome> {
    const again = entry.results.filter(isRetryable).map((r) => r.recipient);
    const total = again.length + (entry.channel.status === 'posted' ? 0 : 1);
    onProgress({ done: 0, total });
    const channel = entry.channel.status === 'posted' ? entry.channel : await this.postCard(entry.roles);
    const base = entry.channel.status === 'posted' ? 0 : 1;
    onProgress({ done: base, total });
    const resent = await this.notify(again, [], entry.roles.length, (done) => onProgress({ done: base + done, total }));
    onProgress({ done: total, total });
    const merged = mergeRetry({ recipients: entry.recipients, results: entry.results }, resent);
    const retryOf = 'id' in entry ? entry.id : entry.logId;
    return this.keep({ roles: entry.roles, channel, recipients: entry.recipients, results: merged.results, retryOf });
  }

  /** The latest announcements, newest first; undefined for someone SharePoint does not let read the log (it is comms'). */
  public async history(count = 10): Promise<LoggedActivation[] | undefined> {
    try {
      return await this.log.recent(count);
    } catch (e) {
      // Staff have no access at all to that list, and SharePoint answers as if it did not exist.
      if (isAppError(e) && (e.kind === 'forbidden' || e.kind === 'notFound' || e.kind === 'notSetUp')) return undefined;
      throw e;
    }
  }
}
