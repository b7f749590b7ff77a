// Maps a Graph call to its endpoint. Used for plain HTTP requests and for each `$batch` part alike,
// so a part behaves exactly like the same request sent on its own (throttling included).
import type { GraphCall, GraphEnv } from './call';
import { sendToRecipients, sendToUser } from './activity';
import { runBatch } from './batch';
import { listChannelMessages, postChannelMessage } from './channels';
import { graphError, type GraphResult } from './results';
import { getUser, listUsers } from './users';
import { getGroup, listTransitiveMembers } from './groups';

function methodNotAllowed(call: GraphCall): GraphResult {
  return graphError(405, 'Request_BadRequest', `The HTTP method '${call.method}' is not allowed for this resource.`);
}

export async function dispatch(env: GraphEnv, call: GraphCall): Promise<GraphResult> {
  const s = call.segments;
  const m = call.method;
  const is = (...expected: string[]) => s.length === expected.length && expected.every((e, i) => e === '*' || e.toLowerCase() === s[i].toLowerCase());

  if (is('me')) return m === 'GET' ? getUser(env, call, undefined) : methodNotAllowed(call);
  if (is('users')) return m === 'GET' ? listUsers(env, call) : methodNotAllowed(call);
  if (is('users', '*')) return m === 'GET' ? getUser(env, call, s[1]) : methodNotAllowed(call);
  if (is('groups', '*')) return m === 'GET' ? getGroup(env, call, s[1]) : methodNotAllowed(call);
  if (is('groups', '*', 'transitiveMembers')) return m === 'GET' ? listTransitiveMembers(env, call, s[1], undefined) : methodNotAllowed(call);
  if (is('groups', '*', 'transitiveMembers', '*')) return m === 'GET' ? listTransitiveMembers(env, call, s[1], s[3]) : methodNotAllowed(call);
  if (is('users', '*', 'teamwork', 'sendActivityNotification') || is('me', 'teamwork', 'sendActivityNotification')) {
    if (m !== 'POST') return methodNotAllowed(call);
    return sendToUser(env, call, s[0].toLowerCase() === 'me' ? call.caller.id : s[1]);
  }
  if (is('teamwork', 'sendActivityNotificationToRecipients')) return m === 'POST' ? sendToRecipients(env, call) : methodNotAllowed(call);
  if (is('teams', '*', 'channels', '*', 'messages')) {
    if (m === 'POST') return postChannelMessage(env, call, s[1], s[3]);
    if (m === 'GET') return listChannelMessages(env, call, s[1], s[3]);
    return methodNotAllowed(call);
  }
  if (is('$batch')) {
    if (call.inBatch) return graphError(400, 'BadRequest', 'A batch request cannot contain another batch request.');
    return m === 'POST' ? runBatch(env, call, (part) => dispatch(env, part)) : methodNotAllowed(call);
  }
  return graphError(400, 'BadRequest', `Resource not found for the segment '${s[0] ?? ''}'.`);
}
