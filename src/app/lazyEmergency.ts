import type { Host } from './host';
import { SpEmergencyRoles } from '../data/sp/emergencyRoles';
import { SpActivationLog } from '../data/sp/activationLog';
import { SpAccountsRepository } from '../data/sp/accountsRepository';
import { SpActivityLog } from '../data/sp/activityLog';
import { GraphNotifier } from '../data/graph/graphNotifier';
import { GraphHolderDirectory } from '../data/graph/holderDirectory';
import { TEAMS_APP_ID } from '../data/graph/teamsApp';
import { EmergencyPlanService, type ChannelSetting } from '../services/emergencyPlanService';
import type { RolesCardText } from '../services/emergency/rolesCard';
import type { DeliveryResult, INotifier } from '../services/ports/notifier';

// The emergency plan in its own chunk (with the Adaptive Cards templating library): only its view needs it.

/** Without a Graph client (not granted yet) nothing goes, and the log says so; nothing is lost. */
const noGraph: INotifier = {
  notify: async (n) => n.recipients.map((recipient): DeliveryResult => ({ recipient, status: 'failed', reason: 'forbidden' })),
  postChannelCard: async () => ({ status: 'failed', reason: 'forbidden' })
};

export function createEmergency(host: Host, teamsAppId: string, channel: ChannelSetting, cardText: RolesCardText): EmergencyPlanService {
  // In an emergency the announcement should finish rather than give up: throttled calls are tried
  // more often than elsewhere, each after Graph's own Retry-After (up to a minute).
  const notifier = host.graph ? new GraphNotifier(host.graph, { teamsAppId: teamsAppId || TEAMS_APP_ID, fallbackBaseUrl: host.pageUrl, maxAttempts: 8, maxWaitSeconds: 60, bulkIntervalMs: 500 }) : noGraph;
  return new EmergencyPlanService(
    new SpEmergencyRoles(host.sp), new SpAccountsRepository(host.sp), host.graph && new GraphHolderDirectory(host.graph), notifier,
    new SpActivationLog(host.sp), new SpActivityLog(host.sp), channel, cardText
  );
}
