import type { Host } from './host';
import { SpPolicyRepository } from '../data/sp/policyRepository';
import { SpSettingsRepository } from '../data/sp/settingsRepository';
import { PolicyService } from '../services/policyService';
import type { SetupService } from '../services/setupService';

// The composition root: the only place that knows which adapter serves which port. Views get
// services from here (through AppContext), never build adapters themselves.

export interface Services {
  host: Host;
  policy: PolicyService;
  /** Loaded on demand: set-up (and its provisioner) is not part of the first paint. */
  setup(): Promise<SetupService>;
}

export function createServices(host: Host): Services {
  const policies = new SpPolicyRepository(host.sp);
  let setup: Promise<SetupService> | undefined;
  return {
    host,
    policy: new PolicyService(policies),
    setup: () => {
      setup ??= import(/* webpackChunkName: 'smh-setup' */ './lazySetup').then((m) => m.createSetupService(host, policies, new SpSettingsRepository(host.sp)));
      return setup;
    }
  };
}
