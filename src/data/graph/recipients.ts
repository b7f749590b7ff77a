// Who the recipients are, before anything is sent: the directory says who does not exist, whose
// account is disabled, and what each person is called (so a report can name them). One `$batch` of
// up to 20 look-ups at a time; parts Graph throttles are asked again after their Retry-After (the SDK
// never retries batch parts).
//
// `accountEnabled` is outside the basic profile, so it needs User.Read.All (User.ReadBasic.All is
// refused with 403). A tenant that has not approved it yet still gets names and unknown people from a
// second, basic look-up; those people are then sent to unchecked.
import type { GraphLike } from './graphLike';
import { failureFromError, failureFromPart, type GraphFailure } from './failures';
import type { RetryPolicy } from './retry';

const BATCH_LIMIT = 20;
const FULL_SELECT = 'id,displayName,accountEnabled';
const BASIC_SELECT = 'id,displayName';

export interface Person {
  id: string;
  name?: string;
  /** undefined when the directory could not be asked (permission not approved). */
  enabled?: boolean;
}

export interface Lookup {
  /** recipient as given → the person the directory knows */
  people: Map<string, Person>;
  /** recipients the directory says do not exist */
  unknown: Set<string>;
  /** recipients that could not be looked up now (offline, throttled too long, refused) */
  unchecked: string[];
  /** the sender's own object id, when Graph told us */
  me?: string;
}

interface BatchResponse {
  responses: { id: string; status: number; headers?: Record<string, string>; body?: { id?: string; displayName?: string; accountEnabled?: boolean } }[];
}

type Outcome = { person: Person } | { unknown: true } | { failure: GraphFailure };

async function lookUpChunk(graph: GraphLike, chunk: string[], select: string): Promise<Map<string, Outcome> | GraphFailure> {
  // Part URLs are relative to the version root: "/v1.0/users/…" inside a part is a 400 on Graph.
  const requests = chunk.map((r, n) => ({ id: String(n), method: 'GET', url: `/users/${encodeURIComponent(r)}?$select=${select}` }));
  let response: BatchResponse;
  try {
    response = (await graph.api('/$batch').post({ requests })) as BatchResponse;
  } catch (e) {
    return failureFromError(e);
  }
  const out = new Map<string, Outcome>();
  for (const part of response.responses) {
    const recipient = chunk[Number(part.id)];
    if (recipient === undefined) continue;
    if (part.status === 200 && part.body?.id) {
      out.set(recipient, { person: { id: part.body.id, name: part.body.displayName, enabled: typeof part.body.accountEnabled === 'boolean' ? part.body.accountEnabled : undefined } });
    } else if (part.status === 404) {
      out.set(recipient, { unknown: true });
    } else {
      out.set(recipient, { failure: failureFromPart(part) });
    }
  }
  return out;
}

/** Looks everyone up with one select, retrying throttled parts; returns what is left unanswered. */
async function lookUpAll(graph: GraphLike, recipients: string[], select: string, policy: RetryPolicy, into: Lookup): Promise<{ forbidden: string[]; unanswered: string[] }> {
  let pending = recipients;
  const forbidden: string[] = [];
  const unanswered: string[] = [];
  for (let attempt = 1; pending.length; attempt++) {
    const throttled: string[] = [];
    let wait = 0;
    for (let i = 0; i < pending.length; i += BATCH_LIMIT) {
      const chunk = pending.slice(i, i + BATCH_LIMIT);
      const answers = await lookUpChunk(graph, chunk, select);
      if (!(answers instanceof Map)) {
        // The whole batch was refused or never answered: sending decides for these people.
        unanswered.push(...chunk);
        continue;
      }
      for (const r of chunk) {
        const a = answers.get(r);
        if (a && 'person' in a) into.people.set(r, a.person);
        else if (a && 'unknown' in a) into.unknown.add(r);
        else if (a && a.failure.status === 429) {
          throttled.push(r);
          wait = Math.max(wait, a.failure.retryAfterSeconds ?? policy.defaultWaitSeconds);
        } else if (a && a.failure.status === 403) forbidden.push(r);
        else unanswered.push(r);
      }
    }
    if (!throttled.length) break;
    if (attempt >= policy.maxAttempts || wait > policy.maxWaitSeconds) {
      unanswered.push(...throttled);
      break;
    }
    await policy.sleep(wait * 1000);
    pending = throttled;
  }
  return { forbidden, unanswered };
}

export async function lookUpRecipients(graph: GraphLike, recipients: string[], policy: RetryPolicy): Promise<Lookup> {
  const result: Lookup = { people: new Map(), unknown: new Set(), unchecked: [] };
  try {
    result.me = ((await graph.api('/me?$select=id').get()) as { id?: string } | undefined)?.id;
  } catch {
    // Without it, Graph itself refuses a notification to oneself; the send reports it.
  }
  const full = await lookUpAll(graph, recipients, FULL_SELECT, policy, result);
  result.unchecked.push(...full.unanswered);
  if (full.forbidden.length) {
    const basic = await lookUpAll(graph, full.forbidden, BASIC_SELECT, policy, result);
    result.unchecked.push(...basic.unanswered, ...basic.forbidden);
  }
  return result;
}
