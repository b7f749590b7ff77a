import type { Host } from './host';
import { SpPolicyRepository } from '../data/sp/policyRepository';
import { SpSettingsRepository } from '../data/sp/settingsRepository';
import { SpAcknowledgementRepository } from '../data/sp/acknowledgementRepository';
import { PolicyService } from '../services/policyService';
import { AcknowledgementGate } from '../services/acknowledgementGate';
import type { SetupService } from '../services/setupService';
import type { PolicyPublisher } from '../services/policyPublisher';
import type { CoverageService } from '../services/coverageService';
import type { AudienceService } from '../services/audienceService';
import type { RequestReviewService } from '../services/requestReviewService';
import type { RegisterService } from '../services/registerService';
import type { RequestsService } from '../services/requestsService';
import type { EmergencyPlanService, ChannelSetting } from '../services/emergencyPlanService';
import type { RolesCardText } from '../services/emergency/rolesCard';
import type { VaultService } from '../services/vaultService';

// The composition root: the only place that knows which adapter serves which port. Views get
// services from here (through ServicesContext), never build adapters themselves. What only comms or
// site owners use is built on demand, in its own chunk.

export interface Services {
  host: Host;
  policy: PolicyService;
  gate: AcknowledgementGate;
  setup(): Promise<SetupService>;
  publisher(teamsAppId: string): Promise<PolicyPublisher>;
  coverage(): Promise<CoverageService>;
  /** Everyone the policy is for (from the directory) and reminders; one per Teams app id. */
  audience(teamsAppId: string): Promise<AudienceService>;
  /** Comms' review queue and the heads' decisions. */
  review(teamsAppId: string): Promise<RequestReviewService>;
  /** The account register: search, detail, 'is this account ours?'. */
  register(): Promise<RegisterService>;
  /** The requester's side of requests (everyone); notifications carry this Teams app id. */
  requests(teamsAppId: string): Promise<RequestsService>;
  /** The emergency plan's roles and their announcement (everyone reads; comms edit and announce). */
  emergency(teamsAppId: string, channel: ChannelSetting, cardText: RolesCardText): Promise<EmergencyPlanService>;
  /** Credential custody: one per page, so an unlocked key is shared by the views and forgotten on lock. */
  vault(teamsAppId: string): Promise<VaultService>;
}

const once = <T>(load: () => Promise<T>): (() => Promise<T>) => {
  let p: Promise<T> | undefined;
  return () => {
    // A failed load (offline) is not cached, so trying again can succeed.
    p ??= load().catch((e: unknown) => { p = undefined; throw e; });
    return p;
  };
};

export function createServices(host: Host): Services {
  const policies = new SpPolicyRepository(host.sp);
  const acknowledgements = new SpAcknowledgementRepository(host.sp);
  // The person's id on the hub: from the page when it is the hub's, else asked once.
  const me = once(async () => host.user.siteUserId ?? (await host.sp.web.currentUser.select('Id')<{ Id: number }>()).Id);
  const coverage = once(() => import(/* webpackChunkName: 'smh-comms' */ './lazyComms').then((m) => m.createCoverage(host, acknowledgements)));
  // One audience service per app id, so its cached directory read is shared by the views that count.
  const audiences = new Map<string, Promise<AudienceService>>();
  const gate = new AcknowledgementGate(policies, acknowledgements, me);
  let vault: Promise<VaultService> | undefined;
  return {
    host,
    policy: new PolicyService(policies, acknowledgements, me),
    gate,
    setup: once(() => import(/* webpackChunkName: 'smh-setup' */ './lazySetup').then((m) => m.createSetupService(host, policies, new SpSettingsRepository(host.sp)))),
    publisher: (teamsAppId) => import(/* webpackChunkName: 'smh-comms' */ './lazyComms').then((m) => m.createPublisher(host, policies, teamsAppId)),
    coverage,
    audience: (teamsAppId) => {
      let made = audiences.get(teamsAppId);
      if (!made) {
        made = Promise.all([import(/* webpackChunkName: 'smh-comms' */ './lazyComms'), coverage()]).then(([m, c]) => m.createAudience(host, c, teamsAppId));
        made.catch(() => audiences.delete(teamsAppId));
        audiences.set(teamsAppId, made);
      }
      return made;
    },
    review: (teamsAppId) => import(/* webpackChunkName: 'smh-comms' */ './lazyComms').then((m) => m.createReview(host, teamsAppId, me)),
    register: once(() => import(/* webpackChunkName: 'smh-register' */ './lazyRegister').then((m) => m.createRegister(host, me))),
    requests: (teamsAppId) => import(/* webpackChunkName: 'smh-requests' */ './lazyRequests').then((m) => m.createRequests(host, gate, me, teamsAppId)),
    emergency: (teamsAppId, channel, cardText) => import(/* webpackChunkName: 'smh-emergency' */ './lazyEmergency').then((m) => m.createEmergency(host, teamsAppId, channel, cardText)),
    vault: (teamsAppId) => {
      vault ??= import(/* webpackChunkName: 'smh-vault' */ './lazyVault').then((m) => m.createVault(host, me, teamsAppId));
      vault.catch(() => { vault = undefined; });
      return vault;
    }
  };
}
