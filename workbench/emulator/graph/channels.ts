// Teams channel messages: POST/GET /teams/{teamId}/channels/{channelId}/messages, with the checks
// Graph makes on Adaptive Card attachments (the card travels as a JSON *string*, and each
// attachment must be referenced by an <attachment id="…"> tag in the HTML body and vice versa).
import { contextUrl, requireScope, type GraphCall, type GraphEnv } from './call';
import { graphError, ok, type GraphResult } from './results';

export interface SeededChannel {
  id: string;
  displayName: string;
}

export interface SeededTeam {
  id: string;
  displayName: string;
  channels: SeededChannel[];
}

/** The one team of the emulated tenant; ids are fixed so configuration and tests can name them. */
export const SEED_TEAMS: readonly SeededTeam[] = [
  {
    id: 'a1b2c3d4-0000-4000-8000-00000000c0a1',
    displayName: 'Northshire Communications',
    channels: [
      { id: '19:general@thread.tacv2', displayName: 'General' },
      { id: '19:emergency@thread.tacv2', displayName: 'Emergency' }
    ]
  }
];

const ADAPTIVE_CARD = 'application/vnd.microsoft.card.adaptive';
const TENANT_ID = '9c1e2f3a-0000-4000-8000-00000000d0a1';

function findChannel(teamId: string, channelId: string): { team?: SeededTeam; channel?: SeededChannel } {
  const team = SEED_TEAMS.find((t) => t.id.toLowerCase() === teamId.toLowerCase());
  return { team, channel: team?.channels.find((c) => c.id.toLowerCase() === channelId.toLowerCase()) };
}

function notFound(what: string): GraphResult {
  return graphError(404, 'NotFound', `${what} not found.`);
}

function validateMessage(body: unknown): { content: string; contentType: string; attachments: Record<string, unknown>[]; subject?: string; summary?: string } | GraphResult {
  const b = body as Record<string, unknown> | undefined;
  const msgBody = b?.body as Record<string, unknown> | undefined;
  if (!msgBody || typeof msgBody.content !== 'string') return graphError(400, 'BadRequest', "'body.content' is required.");
  const contentType = typeof msgBody.contentType === 'string' ? msgBody.contentType.toLowerCase() : 'text';
  if (contentType !== 'html' && contentType !== 'text') return graphError(400, 'BadRequest', `Invalid body contentType '${String(msgBody.contentType)}'.`);
  const attachments = (b?.attachments ?? []) as Record<string, unknown>[];
  if (!Array.isArray(attachments)) return graphError(400, 'BadRequest', "'attachments' must be an array.");

  const referenced = new Set([...msgBody.content.matchAll(/<attachment\s+id\s*=\s*"([^"]+)"\s*>/gi)].map((m) => m[1]));
  const declared = new Set<string>();
  for (const a of attachments) {
    if (typeof a?.id !== 'string' || !a.id) return graphError(400, 'BadRequest', 'Each attachment needs an id.');
    declared.add(a.id);
    if (!referenced.has(a.id)) return graphError(400, 'BadRequest', `Attachment '${a.id}' is not referenced by an <attachment id="${a.id}"> tag in the message body.`);
    if (a.contentType === ADAPTIVE_CARD) {
      if (typeof a.content !== 'string') return graphError(400, 'BadRequest', `Attachment '${a.id}': the Adaptive Card content must be a JSON string.`);
      let card: unknown;
      try {
        card = JSON.parse(a.content);
      } catch {
        return graphError(400, 'BadRequest', `Attachment '${a.id}': the Adaptive Card content is not valid JSON.`);
      }
      if ((card as Record<string, unknown>)?.type !== 'AdaptiveCard') return graphError(400, 'BadRequest', `Attachment '${a.id}': content is not an AdaptiveCard.`);
    }
  }
  for (const id of referenced) {
    if (!declared.has(id)) return graphError(400, 'BadRequest', `The message body references attachment '${id}', which is not in 'attachments'.`);
  }
  return {
    content: msgBody.content,
    contentType,
    attachments,
    subject: typeof b?.subject === 'string' ? b.subject : undefined,
    summary: typeof b?.summary === 'string' ? b.summary : undefined
  };
}

export function postChannelMessage(env: GraphEnv, call: GraphCall, teamId: string, channelId: string): GraphResult {
  const denied = requireScope(env, 'ChannelMessage.Send');
  if (denied) return denied;
  const { team, channel } = findChannel(teamId, channelId);
  if (!team) return notFound(`Team '${teamId}'`);
  if (!channel) return notFound(`Channel '${channelId}'`);
  const injected = env.faults.injected();
  if (injected) return injected;
  const valid = validateMessage(call.body);
  if ('status' in valid) return valid;

  // Graph message ids are the creation time in milliseconds; the sequence keeps them unique.
  const id = String(env.now() * 1000 + (env.store.nextSeq() % 1000));
  const created = new Date(env.now()).toISOString();
  const message = {
    id,
    replyToId: null,
    etag: id,
    messageType: 'message',
    createdDateTime: created,
    lastModifiedDateTime: created,
    deletedDateTime: null,
    subject: valid.subject ?? null,
    summary: valid.summary ?? null,
    importance: 'normal',
    locale: 'en-us',
    webUrl: `https://teams.microsoft.com/l/message/${encodeURIComponent(channel.id)}/${id}?groupId=${team.id}&tenantId=${TENANT_ID}&createdTime=${id}&parentMessageId=${id}`,
    from: { application: null, device: null, user: { id: call.caller.id, displayName: call.caller.displayName, userIdentityType: 'aadUser' } },
    body: { contentType: valid.contentType, content: valid.content },
    channelIdentity: { teamId: team.id, channelId: channel.id },
    attachments: valid.attachments.map((a) => ({ contentUrl: null, name: null, thumbnailUrl: null, ...a })),
    mentions: [],
    reactions: []
  };
  env.store.addChannelMessage({ teamId: team.id, channelId: channel.id, message });
  return ok({ '@odata.context': contextUrl(env, call, `teams('${team.id}')/channels('${channel.id}')/messages/$entity`), ...message }, 201);
}

export function listChannelMessages(env: GraphEnv, call: GraphCall, teamId: string, channelId: string): GraphResult {
  const denied = requireScope(env, 'ChannelMessage.Read.All');
  if (denied) return denied;
  const { team, channel } = findChannel(teamId, channelId);
  if (!team) return notFound(`Team '${teamId}'`);
  if (!channel) return notFound(`Channel '${channelId}'`);
  const top = call.query.has('$top') ? Math.max(1, Math.min(50, Number(call.query.get('$top')) || 20)) : 20;
  const messages = env.store.channelMessages(team.id, channel.id).map((m) => m.message).reverse().slice(0, top);
  return ok({ '@odata.context': contextUrl(env, call, `teams('${team.id}')/channels('${channel.id}')/messages`), '@odata.count': messages.length, value: messages });
}
