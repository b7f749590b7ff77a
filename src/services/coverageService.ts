import { acknowledgementOf, acknowledgementsCountFrom, type PolicyVersion } from '../domain/policy';
import type { IAccountsRepository } from './ports/accounts';
import type { AcknowledgementRecord, IAcknowledgementRepository } from './ports/acknowledgements';

// Comms' view of who has acknowledged the version in force. Owners and backups matter most, so
// they are answered first (one batched query for just them); the count of everyone comes after,
// in id windows of 5,000, so 100,000 acknowledgements never hit the list view threshold.

export interface KeyPerson {
  userId: number;
  name: string;
  email: string;
  /** Sign-in name (UPN), how the directory knows them. */
  login: string;
  roles: ('owner' | 'backup')[];
  accounts: string[];
  acknowledgedAt?: string;
}

export class CoverageService {
  public constructor(private readonly accounts: IAccountsRepository, private readonly acknowledgements: IAcknowledgementRepository) {}

  public async keyPeople(policy: PolicyVersion): Promise<KeyPerson[]> {
    const staffed = await this.accounts.staffedAccounts();
    const people = new Map<number, KeyPerson>();
    for (const account of staffed) {
      for (const [role, p] of [['owner', account.owner], ['backup', account.backup]] as const) {
        if (!p) continue;
        const entry = people.get(p.userId) ?? { userId: p.userId, name: p.name, email: p.email, login: p.login, roles: [], accounts: [] };
        if (!entry.roles.includes(role)) entry.roles.push(role);
        if (!entry.accounts.includes(account.accountName)) entry.accounts.push(account.accountName);
        people.set(p.userId, entry);
      }
    }
    const acks = await this.acknowledgements.forUsers([...people.keys()], policy.major);
    const rows = [...people.values()].map((p) => {
      const a = acks.get(p.userId);
      return { ...p, acknowledgedAt: a ? acknowledgementOf([a], policy)?.at : undefined };
    });
    // Who still has to acknowledge comes first: that is the list comms act on.
    return rows.sort((a, b) => Number(!!a.acknowledgedAt) - Number(!!b.acknowledgedAt) || a.name.localeCompare(b.name));
  }

  /**
   * How many people acknowledged the major version since its N.0 was published (a minor version in
   * force changes nothing), with progress after each
   * page. People, not rows: someone who acknowledged twice (two tabs) counts once.
   */
  public async count(policy: PolicyVersion, onProgress: (count: number) => void = () => undefined): Promise<number> {
    const people = new Set<number>();
    await this.acknowledgements.forEachPage(policy.major, (page) => {
      for (const a of page) people.add(a.userId);
      onProgress(people.size);
    }, { since: acknowledgementsCountFrom(policy) });
    return people.size;
  }

  /** Everyone who acknowledged, once each, with names and sign-in names (to match the directory). */
  public async everyone(policy: PolicyVersion, onProgress: (count: number) => void = () => undefined): Promise<AcknowledgementRecord[]> {
    const byPerson = new Map<number, AcknowledgementRecord>();
    await this.acknowledgements.forEachPage(policy.major, (page) => {
      for (const a of page) if (!byPerson.has(a.userId)) byPerson.set(a.userId, a);
      onProgress(byPerson.size);
    }, { withNames: true, since: acknowledgementsCountFrom(policy) });
    return [...byPerson.values()];
  }
}
