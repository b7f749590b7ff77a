// IHolderDirectory on Microsoft Graph: is each person named in the emergency plan still in the
// organisation? The directory answers per sign-in name (in `$batch`es of 20, throttled parts asked
// again after their Retry-After): disabled, unknown (gone), or enabled with their object id, which
// the announcement then sends to without asking again.
import type { HolderCheck, IHolderDirectory } from '../../services/ports/emergency';
import type { GraphLike } from './graphLike';
import { lookUpRecipients } from './recipients';
import { realSleep, type RetryPolicy } from './retry';

export class GraphHolderDirectory implements IHolderDirectory {
  private readonly policy: RetryPolicy;

  public constructor(private readonly graph: GraphLike, options: { sleep?: (ms: number) => Promise<void>; maxWaitSeconds?: number } = {}) {
    this.policy = { maxAttempts: 4, maxWaitSeconds: options.maxWaitSeconds ?? 60, defaultWaitSeconds: 5, sleep: options.sleep ?? realSleep };
  }

  public async check(logins: string[]): Promise<Map<string, HolderCheck>> {
    const unique = [...new Map(logins.filter(Boolean).map((l) => [l.toLowerCase(), l])).values()];
    const out = new Map<string, HolderCheck>();
    if (!unique.length) return out;
    const found = await lookUpRecipients(this.graph, unique, this.policy);
    for (const login of unique) {
      const p = found.people.get(login);
      const status = found.unknown.has(login) ? 'gone' : p?.enabled === false ? 'disabled' : p && p.enabled === true ? 'active' : 'unchecked';
      out.set(login.toLowerCase(), { status, id: p?.id, name: p?.name });
    }
    return out;
  }
}
