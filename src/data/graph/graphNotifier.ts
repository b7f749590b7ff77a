// INotifier on Microsoft Graph: Teams activity-feed notifications and channel Adaptive Cards.
//
// - Recipients share one message, so the bulk endpoint (≤100 recipients a call) carries them: Graph
//   throttles activity notifications at about 5 requests per second per app, and 1,000 people in
//   10 calls stays far below that where 1,000 single calls would not.
// - The bulk call answers 412 when the caller's token expires within 45 minutes and may be missing
//   on a cloud that lacks it; then each person gets the single-user call instead.
// - `teamsAppId` is always sent: SPFx's token belongs to the tenant-wide "SharePoint Online Client
//   Extensibility" app shared by every SPFx solution, so Graph cannot tell which Teams app is
//   meant without it (409 "Found multiple applications", SharePoint/sp-dev-docs#8719).
// - Delivery is best effort on top of saved state: nothing here throws for a delivery problem;
//   every recipient gets a DeliveryResult the sender can see and retry.
import type { ActivityNotification, ChannelCard, DeliveryResult, DeliveryStatus, INotifier } from '../../services/ports/notifier';
import { buildDeepLink } from './deepLinks';
import type { GraphFailure } from './failures';
import type { GraphLike } from './graphLike';
import { resolveRecipients } from './recipients';
import { realSleep, withRetry, type RetryPolicy } from './retry';

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

function fromFailure(recipient: string, f: GraphFailure): DeliveryResult {
  return f.reason === 'throttled'
    ? { recipient, status: 'throttled', retryAfterSeconds: f.retryAfterSeconds, reason: 'throttled' }
    : { recipient, status: 'failed', reason: f.reason };
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

    const resolution = await resolveRecipients(this.graph, recipients, this.policy);
    resolution.failed.forEach((f, r) => results.set(r, fromFailure(r, f)));

    // Bulk for everyone with a known object id; per-user for the rest and for any bulk fallback.
    const byId = recipients.filter((r) => resolution.ids.has(r));
    const perUser: string[] = [...resolution.unresolved];
    let bulkAvailable = true;
    for (let i = 0; i < byId.length; i += BULK_LIMIT) {
      const chunk = byId.slice(i, i + BULK_LIMIT);
      if (!bulkAvailable) {
        perUser.push(...chunk);
        continue;
      }
      const sent = await withRetry(this.policy, () =>
        this.graph.api('/teamwork/sendActivityNotificationToRecipients').post({
          ...payload,
          recipients: chunk.map((r) => ({ '@odata.type': 'microsoft.graph.aadUserNotificationRecipient', userId: resolution.ids.get(r) }))
        })
      );
      if (sent.ok) {
        // 202: Graph accepted the fan-out; that is as far as a sender can see.
        chunk.forEach((r) => results.set(r, { recipient: r, status: 'delivered' }));
      } else if ([412, 404, 405, 501].includes(sent.failure.status)) {
        // 412: token about to expire; 404/405/501: the bulk endpoint is not there. Single calls still work.
        bulkAvailable = false;
        perUser.push(...chunk);
      } else {
        chunk.forEach((r) => results.set(r, fromFailure(r, sent.failure)));
      }
    }

    let throttledFor: GraphFailure | undefined;
    for (const recipient of perUser) {
      if (throttledFor) {
        // Graph already refused after retries; more calls now would only extend the throttling.
        results.set(recipient, fromFailure(recipient, throttledFor));
        continue;
      }
      const target = resolution.ids.get(recipient) ?? recipient;
      const sent = await withRetry(this.policy, () => this.graph.api(`/users/${encodeURIComponent(target)}/teamwork/sendActivityNotification`).post(payload));
      if (sent.ok) results.set(recipient, { recipient, status: 'delivered' });
      else {
        if (sent.failure.reason === 'throttled') throttledFor = sent.failure;
        results.set(recipient, fromFailure(recipient, sent.failure));
      }
    }

    return recipients.map((r) => results.get(r) ?? { recipient: r, status: 'failed', reason: 'server' });
  }

  async postChannelCard(message: ChannelCard): Promise<{ status: DeliveryStatus; messageId?: string; reason?: string }> {
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
    if (sent.ok) return { status: 'delivered', messageId: (sent.value as { id?: string } | undefined)?.id };
    const f = sent.failure;
    return f.reason === 'throttled' ? { status: 'throttled', reason: 'throttled' } : { status: 'failed', reason: f.reason };
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
