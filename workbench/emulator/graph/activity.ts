// Teams activity-feed notifications: POST /users/{id|upn}/teamwork/sendActivityNotification (one
// recipient, 204) and POST /teamwork/sendActivityNotificationToRecipients (≤100 recipients, 202).
// The payload is checked the way Graph checks it, against the activity types declared in
// teams/manifest.json, and each delivery lands in the simulated activity feed.
//
// Refusals and where their answers come from:
// - Recipient without the Teams app (single send): 403 Forbidden, "Application with AAD App Id '…' is
//   not authorized to generate custom text notifications about '…' to the recipient. Ensure that the
//   expected Teams app is installed in the target scope (user, team, or chat)." Wording as reported in
//   https://github.com/OfficeDev/microsoft-365-agents-toolkit/issues/6067 ; status 403 with code
//   Forbidden as n8n's Teams node handles it (github.com/n8n-io/n8n,
//   packages/nodes-base/nodes/Microsoft/Teams/v2/transport/forbiddenHints.ts and its tests).
// - The bulk call accepts everyone (202, no per-recipient result) and people it cannot reach simply
//   never see anything (https://learn.microsoft.com/graph/api/teamwork-sendactivitynotificationtorecipients ;
//   microsoftgraph/msgraph-sdk-dotnet#1946 shows a 202 that reached nobody).
// - Self-notification: Graph's FAQ says a user cannot send notifications to themselves with delegated
//   rights (microsoftgraph/microsoft-graph-docs PR #11506, "Can a user send notifications to
//   themselves? No"); the status and body were not found in any capture, so 400 "Recipient cannot be
//   the sender." is our choice. The same holds for a disabled recipient (400), an unknown teamsAppId
//   (400) and the bulk call's 412 text (the 412 itself is documented on the bulk call's page). App
//   code matches on status (and, for the missing app, on Graph's reported wording) only.
import type { DirectoryUser } from '../directory';
import { findUser, requireScope, userNotFound, type GraphCall, type GraphEnv } from './call';
import { graphError, noContent, type GraphResult } from './results';
import { renderTemplate, templatePlaceholders } from './teamsApp';
import type { FeedNotification } from './store';

const TEAMS_DEEP_LINK_PREFIX = 'https://teams.microsoft.com/l/entity/';
const TEAMS_LINK_PREFIX = 'https://teams.microsoft.com/l/';
// The topic resources userteamwork-sendactivitynotification.md and
// teamwork-sendactivitynotificationtorecipients.md list for source "entityUrl".
const CATALOG_APP = /^https:\/\/graph\.microsoft\.com\/(v1\.0|beta)\/appCatalogs\/teamsApps\/[^/?#]+$/i;
const INSTALLED_APP = /^https:\/\/graph\.microsoft\.com\/(v1\.0|beta)\/users\/[^/?#]+\/teamwork\/installedApps\/[^/?#]+$/i;
const PREVIEW_LIMIT = 150;
const BULK_LIMIT = 100;

interface ValidNotification {
  activityType: string;
  topic: { source: string; value: string; webUrl?: string };
  previewText: string;
  templateParameters: Record<string, string>;
  teamsAppId?: string;
  chainId?: number;
  /** The manifest template, or the systemDefault text. */
  templateText: string;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function badRequest(message: string): GraphResult {
  return graphError(400, 'BadRequest', message);
}

/** Checks the parts both endpoints share; returns the normalised notification or a 400. */
function validateNotification(env: GraphEnv, body: unknown, scope: 'user' | 'bulk'): ValidNotification | GraphResult {
  if (!isObject(body)) return badRequest('Empty Payload. JSON content expected.');
  const { topic, activityType, previewText, templateParameters, teamsAppId, chainId } = body;

  if (!isObject(topic) || typeof topic.source !== 'string' || typeof topic.value !== 'string' || !topic.value) {
    return badRequest("Invalid topic: 'source' and 'value' are required.");
  }
  if (topic.source === 'text') {
    // Any Teams link will do (the docs' own examples use /l/message/ and /l/loopthread/), not only /l/entity/.
    if (typeof topic.webUrl !== 'string' || !topic.webUrl.startsWith(TEAMS_LINK_PREFIX)) {
      return badRequest(`Invalid topic: a text topic needs a 'webUrl' that is a Teams deep link starting with ${TEAMS_LINK_PREFIX}.`);
    }
  } else if (topic.source === 'entityUrl') {
    // Each endpoint documents which Graph resources may be the topic: the bulk call only takes the
    // app's catalog entry, the single-user call also the recipient's app installation.
    const allowed = scope === 'bulk' ? [CATALOG_APP] : [CATALOG_APP, INSTALLED_APP];
    if (!allowed.some((re) => re.test(topic.value as string))) {
      return badRequest(scope === 'bulk'
        ? "Invalid topic: sendActivityNotificationToRecipients only supports an entityUrl topic of a teamsCatalogApp (https://graph.microsoft.com/{version}/appCatalogs/teamsApps/{id})."
        : "Invalid topic: an entityUrl topic must be a teamsAppInstallation (…/users/{id}/teamwork/installedApps/{id}) or a teamsCatalogApp (…/appCatalogs/teamsApps/{id}) Graph URL.");
    }
  } else {
    return badRequest(`Invalid topic source '${topic.source}'. Expected 'text' or 'entityUrl'.`);
  }

  if (typeof activityType !== 'string' || !activityType) return badRequest("'activityType' is required.");
  if (!isObject(previewText) || typeof previewText.content !== 'string') return badRequest("'previewText.content' is required.");
  if (previewText.content.length > PREVIEW_LIMIT) return badRequest(`previewText exceeds the limit of ${PREVIEW_LIMIT} characters.`);

  const params: Record<string, string> = {};
  if (templateParameters !== undefined) {
    if (!Array.isArray(templateParameters)) return badRequest("'templateParameters' must be an array of { name, value }.");
    for (const p of templateParameters) {
      if (!isObject(p) || typeof p.name !== 'string' || typeof p.value !== 'string') return badRequest('Each template parameter needs a string name and value.');
      params[p.name] = p.value;
    }
  }

  if (teamsAppId !== undefined && teamsAppId !== env.app.id) {
    return badRequest(`Teams app '${String(teamsAppId)}' is not installed for the recipient or does not exist.`);
  }

  let templateText: string;
  if (activityType === 'systemDefault') {
    // The reserved type takes its whole text from one parameter instead of a manifest template.
    if (!params.systemDefaultText) return badRequest("Activity type 'systemDefault' requires the template parameter 'systemDefaultText'.");
    templateText = '{systemDefaultText}';
  } else {
    const declared = env.app.activityTypes.get(activityType);
    if (!declared) return badRequest(`Activity type '${activityType}' is not declared in the Teams app manifest.`);
    const missing = templatePlaceholders(declared.templateText).filter((name) => params[name] === undefined);
    if (missing.length) return badRequest(`Template parameter(s) ${missing.map((m) => `'${m}'`).join(', ')} required by activity type '${activityType}' are missing.`);
    templateText = declared.templateText;
  }

  return {
    activityType,
    topic: { source: topic.source, value: topic.value, webUrl: typeof topic.webUrl === 'string' ? topic.webUrl : undefined },
    previewText: previewText.content,
    templateParameters: params,
    teamsAppId: typeof teamsAppId === 'string' ? teamsAppId : undefined,
    chainId: typeof chainId === 'number' ? chainId : undefined,
    templateText
  };
}

function deliver(env: GraphEnv, n: ValidNotification, sender: DirectoryUser, recipient: DirectoryUser, via: 'user' | 'bulk'): void {
  const feedItem: FeedNotification = {
    id: `n${env.store.nextSeq()}`,
    recipientId: recipient.id,
    recipientUpn: recipient.upn,
    senderId: sender.id,
    senderUpn: sender.upn,
    senderName: sender.displayName,
    activityType: n.activityType,
    text: renderTemplate(n.templateText, sender.displayName, n.templateParameters),
    previewText: n.previewText,
    topic: n.topic,
    // An entityUrl topic opens the app itself; a text topic opens its deep link.
    webUrl: n.topic.webUrl ?? `${TEAMS_DEEP_LINK_PREFIX}${env.app.id}/${env.app.personalEntityId}`,
    templateParameters: n.templateParameters,
    teamsAppId: n.teamsAppId,
    chainId: n.chainId,
    via,
    time: new Date(env.now()).toISOString(),
    read: false
  };
  env.store.addNotification(feedItem);
}

/** Throttling and injected faults that apply to every activity-notification request (a batch part counts as one). */
function gate(env: GraphEnv): GraphResult | undefined {
  return env.faults.injected() ?? env.faults.takeActivityBudget();
}

/**
 * Graph names the Entra app the token belongs to (for SPFx, the shared "SharePoint Online Client
 * Extensibility" principal) and the path it was asked about.
 */
function appNotInstalled(env: GraphEnv, call: GraphCall, idOrUpn: string): GraphResult {
  return graphError(
    403,
    'Forbidden',
    `Application with AAD App Id '${env.app.aadAppId}' is not authorized to generate custom text notifications about '/${call.version}/users/${idOrUpn}/teamwork/sendActivityNotification' to the recipient. Ensure that the expected Teams app is installed in the target scope (user, team, or chat).`
  );
}

export function sendToUser(env: GraphEnv, call: GraphCall, idOrUpn: string): GraphResult {
  const denied = requireScope(env, 'TeamsActivity.Send');
  if (denied) return denied;
  const blocked = gate(env);
  if (blocked) return blocked;
  const recipient = findUser(env, idOrUpn);
  if (!recipient) return userNotFound(idOrUpn);
  const n = validateNotification(env, call.body, 'user');
  if ('status' in n) return n;
  if (recipient.id === call.caller.id) return badRequest('Recipient cannot be the sender.');
  if (!recipient.accountEnabled) return badRequest(`Recipient '${idOrUpn}' is disabled and cannot receive notifications.`);
  if (!env.installations.isInstalledFor(recipient)) return appNotInstalled(env, call, idOrUpn);
  deliver(env, n, call.caller, recipient, 'user');
  return noContent(204);
}

export function sendToRecipients(env: GraphEnv, call: GraphCall): GraphResult {
  const denied = requireScope(env, 'TeamsActivity.Send');
  if (denied) return denied;
  const blocked = gate(env);
  if (blocked) return blocked;
  if (env.faults.tokenExpiringSoon) {
    return graphError(412, 'PreconditionFailed', 'The access token expires within 45 minutes. Acquire a new token and retry, or send to each user.');
  }
  const n = validateNotification(env, call.body, 'bulk');
  if ('status' in n) return n;
  const recipients = (call.body as Record<string, unknown>).recipients;
  if (!Array.isArray(recipients) || recipients.length === 0) return badRequest("'recipients' must be a non-empty array.");
  if (recipients.length > BULK_LIMIT) return badRequest(`The number of recipients ${recipients.length} exceeds the limit of ${BULK_LIMIT}.`);
  const ids: string[] = [];
  for (const r of recipients) {
    const type = isObject(r) ? String(r['@odata.type'] ?? '').replace(/^#/, '') : '';
    if (type !== 'microsoft.graph.aadUserNotificationRecipient' || typeof (r as Record<string, unknown>).userId !== 'string') {
      return badRequest("Each recipient must be { '@odata.type': 'microsoft.graph.aadUserNotificationRecipient', userId }.");
    }
    ids.push((r as Record<string, string>).userId);
  }
  // Graph accepts the bulk call and fans it out later, so undeliverable recipients do not fail the
  // request; the emulator records them where tests and the workbench can see them.
  const time = new Date(env.now()).toISOString();
  for (const userId of ids) {
    const user = env.ctx.directory.find((u) => u.id.toLowerCase() === userId.toLowerCase());
    const reason = !user ? 'notFound' : user.id === call.caller.id ? 'self' : !user.accountEnabled ? 'disabled' : !env.installations.isInstalledFor(user) ? 'appNotInstalled' : undefined;
    if (reason || !user) env.store.addDropped({ userId, reason: reason ?? 'notFound', activityType: n.activityType, time });
    else deliver(env, n, call.caller, user, 'bulk');
  }
  const operation = `op${env.store.nextSeq()}`;
  return noContent(202, { Location: `${env.ctx.origin()}/${call.version}/teamwork/notificationOperations/${operation}` });
}
