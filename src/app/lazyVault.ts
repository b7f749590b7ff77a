import type { Host } from './host';
import { SpVaultKeys } from '../data/sp/vaultKeysRepository';
import { SpCredentials } from '../data/sp/credentialsRepository';
import { SpGroupMembership } from '../data/sp/groupMembership';
import { SpActivityLog } from '../data/sp/activityLog';
import { SpSettingsRepository } from '../data/sp/settingsRepository';
import { SpRegisterRepository } from '../data/sp/registerRepository';
import { GraphNotifier } from '../data/graph/graphNotifier';
import { TEAMS_APP_ID } from '../data/graph/teamsApp';
import { newSubmissionId } from '../data/sp/submissionId';
import { VaultService, type VaultAccount } from '../services/vaultService';
import type { DeliveryResult, INotifier } from '../services/ports/notifier';

// Credential custody in its own chunk: the crypto and the vault's views load when someone opens the
// vault or shares credentials, never with the policy page.

const noGraph: INotifier = {
  notify: async (n) => n.recipients.map((recipient): DeliveryResult => ({ recipient, status: 'failed', reason: 'forbidden' })),
  postChannelCard: async () => ({ status: 'failed', reason: 'forbidden' })
};

export function createVault(host: Host, me: () => Promise<number>, teamsAppId: string): VaultService {
  const register = new SpRegisterRepository(host.sp);
  const accounts = async (): Promise<VaultAccount[]> => {
    const out: VaultAccount[] = [];
    await register.forEachAccount((rows) => {
      for (const r of rows) out.push({ accountId: r.id, name: r.name, platform: r.platform, ownerId: r.owner?.userId, backupId: r.backup?.userId, created: r.created });
    });
    return out;
  };
  return new VaultService({
    keys: new SpVaultKeys(host.sp, me),
    credentials: new SpCredentials(host.sp, me),
    groups: new SpGroupMembership(host.sp),
    settings: new SpSettingsRepository(host.sp),
    notifier: host.graph ? new GraphNotifier(host.graph, { teamsAppId: teamsAppId || TEAMS_APP_ID, fallbackBaseUrl: host.pageUrl }) : noGraph,
    activity: new SpActivityLog(host.sp),
    accounts,
    me,
    newId: newSubmissionId
  });
}
