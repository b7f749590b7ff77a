// INotifier on Microsoft Graph: Teams activity-feed notifications and channel Adaptive Cards.
//
// - Before sending, the directory is asked who each recipient is: people who do not exist, whose
//   account is disabled, or who are the sender (Graph refuses to let someone notify themselves with
//   delegated rights) are reported as not reachable, by name, and nothing is sent to them.
// - Small audiences, where each person's outcome matters (owners and backups, a requester, the comms
//   heads), get one call per person: only that call tells us that the Teams app is not installed
//   for someone (403), so only then can the report say "not reachable: app not installed".
// - Large audiences go through the bulk endpoint (≤100 recipients a call): Graph throttles activity
//   notifications at a few requests per second per app, and 1,000 people in 10 calls stays far below
//   that. It answers 202 with nothing per person and silently drops those it cannot reach, so those
//   people are reported as "sent", never as "delivered".
// - The bulk call answers 412 when the caller's token expires within 45 minutes and may be missing
//   on a cloud that lacks it; then each person gets the single-user call instead.
// - `teamsAppId` is always sent: SPFx's token belongs to the tenant-wide "SharePoint Online Client
//   Extensibility" app shared by every SPFx solution, so Graph cannot tell which Teams app is
//   meant without it (409 "Found multiple applications", SharePoint/sp-dev-docs#8719).
// - Throttling is retried after Graph's own Retry-After (bounded); delivery is best effort on top of
//   saved state: nothing here throws for a delivery problem, every recipient gets a DeliveryResult.
import type { ActivityNotification, ChannelCard, ChannelPostStatus, DeliveryResult, FailureReason, INotifier } from '../../services/ports/notifier';
import { buildDeepLink } from './deepLinks';
import { isAppNotInstalled, type GraphFailure } from './failures';
import type { GraphLike } from './graphLike';
import { lookUpRecipients, type Person } from './recipients';
import { realSleep, withRetry, type RetryPolicy } from './retry';

/**
 * Audiences up to this size are sent one call per person. 25 covers the audiences whose outcome
 * matters person by person (an account's owner and backup, a requester, the comms heads, the owners
 * and backups of a small organisation) and costs at most 25 calls: about five seconds at Graph's
 * rate for single sends, where one bulk call would tell us nothing about any of them.
 */
export const ONE_BY_ONE_LIMIT = 25;

export interface GraphNotifierOptions {
  teamsAppId: string;
  /** The SharePoint page with the web part, for deep links opened outside Teams. */
  fallbackBaseUrl: string;
  /** entityId of the personal tab (default 'hub'). */
  entityId?: string;
  /** Attempts per Graph call when throttled (default 3). */
  maxAttempts?: number;
  /** Longest Retry-After worth waiting for inside one notify() (default 30 s); longer → "throttled". */
  maxWaitSeconds?: number;
  /** Injected in tests so retries do not wait. */
  sleep?: (ms: number) => Promise<void>;
  /**
   * Least time between two bulk calls (default 0). Graph allows the bulk call about 2 requests a
   * second per app per tenant; spacing them 500 ms apart keeps a large fan-out from being throttled
   * at all, which costs less than the 429s and their Retry-After.
   */
  bulkIntervalMs?: number;
}

const BULK_LIMIT = 100;
const PREVIEW_LIMIT = 150;
const ADAPTIVE_CARD = 'application/vnd.microsoft.card.adaptive';

function truncate(text: string, limit: number): string {
  return text.length <= limit ? text : `${text.slice(0, limit - 1)}…`;
}

function uniqueRecipients(recipients: string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const r of recipients.map((x) => x.trim()).filter(Boolean)) {
    const key = r.toLowerCase();
    if (!seen.has(key)) {
      seen.add(key);
      out.push(r);
    }
  }
  return out;
}

function failureReason(f: GraphFailure): FailureReason {
  // A 404 for a person found a moment ago is not "unknown person"; treat it as Graph's problem.
  return f.reason === 'notFound' ? 'server' : f.reason;
}

function withName(result: DeliveryResult, person: Person | undefined): DeliveryResult {
  return person?.name ? { ...result, name: person.name } : result;
}

export class GraphNotifier implements INotifier {
  private readonly policy: RetryPolicy;

  constructor(private readonly graph: GraphLike, private readonly options: GraphNotifierOptions) {
    this.policy = {
      maxAttempts: Math.max(1, options.maxAttempts ?? 3),
      maxWaitSeconds: options.maxWaitSeconds ?? 30,
      defaultWaitSeconds: 5,
      sleep: options.sleep ?? realSleep
    };
  }

  async notify(notification: ActivityNotification): Promise<DeliveryResult[]> {
    const recipients = uniqueRecipients(notification.recipients);
    if (!recipients.length) return [];
    const payload = this.payload(notification);
    const results = new Map<string, DeliveryResult>();
    // People the caller vouches for (just read from the directory, enabled) are not looked up again.
    const known = new Map((notification.known ?? []).map((k) => [k.id.toLowerCase(), k]));
    const directory = await lookUpRecipients(this.graph, recipients.filter((r) => !known.has(r.toLowerCase())), this.policy);
    for (const r of recipients) {
      const k = known.get(r.toLowerCase());
      if (k) directory.people.set(r, { id: k.id, name: k.name, enabled: true });
    }

    // Who cannot be reached at all is known before anything is sent.
    const sendable: string[] = [];
    for (const r of recipients) {
      const person = directory.people.get(r);
      if (directory.unknown.has(r)) results.set(r, { recipient: r, status: 'notReachable', reason: 'unknown' });
      else if (person && person.enabled === false) results.set(r, withName({ recipient: r, status: 'notReachable', reason: 'disabled' }, person));
      else if (person && directory.me && person.id.toLowerCase() === directory.me.toLowerCase()) results.set(r, withName({ recipient: r, status: 'notReachable', reason: 'self' }, person));
      else sendable.push(r);
    }

    const progress = (): void => notification.onProgress?.(results.size, recipients.length);
    progress();
    const oneByOne = recipients.length <= ONE_BY_ONE_LIMIT;
    const perUser: string[] = oneByOne ? sendable : [];
    if (!oneByOne) {
      // The bulk endpoint takes object ids only; anyone the directory did not answer for goes one by one.
      const byId = sendable.filter((r) => directory.people.has(r));
      perUser.push(...sendable.filter((r) => !directory.people.has(r)));
      let bulkAvailable = true;
      for (let i = 0; i < byId.length; i += BULK_LIMIT) {
        const chunk = byId.slice(i, i + BULK_LIMIT);
        if (!bulkAvailable) {
          perUser.push(...chunk);
          continue;
        }
        if (i > 0 && this.options.bulkIntervalMs) await this.policy.sleep(this.options.bulkIntervalMs);
        const sent = await withRetry(this.policy, () =>
          this.graph.api('/teamwork/sendActivityNotificationToRecipients').post({
            ...payload,
            recipients: chunk.map((r) => ({ '@odata.type': 'microsoft.graph.aadUserNotificationRecipient', userId: directory.people.get(r)!.id }))
          })
        );
        if (sent.ok) {
          // 202: Graph accepted the fan-out; that is as far as a sender can see.
          chunk.forEach((r) => results.set(r, withName({ recipient: r, status: 'sent', via: 'bulk' }, directory.people.get(r))));
        } else if ([412, 404, 405, 501].includes(sent.failure.status)) {
          // 412: token about to expire; 404/405/501: the bulk endpoint is not there. Single calls still work.
          bulkAvailable = false;
          perUser.push(...chunk);
        } else {
          chunk.forEach((r) => results.set(r, withName(this.failed(r, sent.failure), directory.people.get(r))));
        }
        progress();
      }
    }

    let throttledFor: GraphFailure | undefined;
    for (const recipient of perUser) {
      const person = directory.people.get(recipient);
      if (throttledFor) {
        // Graph already refused after retries; more calls now would only extend the throttling.
        results.set(recipient, withName(this.failed(recipient, throttledFor), person));
        continue;
      }
      const target = person?.id ?? recipient;
      const sent = await withRetry(this.policy, () => this.graph.api(`/users/${encodeURIComponent(target)}/teamwork/sendActivityNotification`).post(payload));
      if (sent.ok) results.set(recipient, withName({ recipient, status: 'sent', via: 'single' }, person));
      else if (isAppNotInstalled(sent.failure)) results.set(recipient, withName({ recipient, status: 'notReachable', reason: 'appNotInstalled' }, person));
      else if (sent.failure.status === 404 && !person) results.set(recipient, { recipient, status: 'notReachable', reason: 'unknown' });
      else {
        if (sent.failure.reason === 'throttled') throttledFor = sent.failure;
        results.set(recipient, withName(this.failed(recipient, sent.failure), person));
      }
      progress();
    }

    return recipients.map((r) => results.get(r) ?? { recipient: r, status: 'failed', reason: 'server' });
  }

  private failed(recipient: string, f: GraphFailure): DeliveryResult {
    return f.reason === 'throttled'
      ? { recipient, status: 'failed', reason: 'throttled', retryAfterSeconds: f.retryAfterSeconds }
      : { recipient, status: 'failed', reason: failureReason(f) };
  }

  async postChannelCard(message: ChannelCard): Promise<{ status: ChannelPostStatus; messageId?: string; reason?: FailureReason; retryAfterSeconds?: number }> {
    const attachmentId = `card-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
    const card = { type: 'AdaptiveCard', version: '1.4', ...message.card };
    const body = {
      // The body only places the card; `summary` is what notifications and non-card clients show.
      body: { contentType: 'html', content: `<attachment id="${attachmentId}"></attachment>` },
      summary: truncate(message.summary, 280),
      attachments: [{ id: attachmentId, contentType: ADAPTIVE_CARD, contentUrl: null, name: null, thumbnailUrl: null, content: JSON.stringify(card) }]
    };
    const path = `/teams/${encodeURIComponent(message.teamId)}/channels/${encodeURIComponent(message.channelId)}/messages`;
    const sent = await withRetry(this.policy, () => this.graph.api(path).post(body));
    // 201 with the message: the post is in the channel (who reads it is another matter).
    if (sent.ok) return { status: 'posted', messageId: (sent.value as { id?: string } | undefined)?.id };
    const f = sent.failure;
    return f.reason === 'throttled' ? { status: 'failed', reason: 'throttled', retryAfterSeconds: f.retryAfterSeconds } : { status: 'failed', reason: f.reason === 'notFound' ? 'validation' : f.reason };
  }

  private payload(n: ActivityNotification): Record<string, unknown> {
    const webUrl = buildDeepLink(
      { teamsAppId: this.options.teamsAppId, fallbackBaseUrl: this.options.fallbackBaseUrl, entityId: this.options.entityId },
      { pageId: n.deepLink.pageId, subPageId: n.deepLink.subPageId, label: n.deepLink.label }
    );
    return {
      topic: { source: 'text', value: n.deepLink.label, webUrl },
      activityType: n.activityType,
      previewText: { content: truncate(n.previewText, PREVIEW_LIMIT) },
      templateParameters: Object.entries(n.templateParameters).map(([name, value]) => ({ name, value })),
      teamsAppId: this.options.teamsAppId
    };
  }
}
