import type { Host } from './host';
import { SpProvisioner } from '../data/sp/provisioner';
import { SetupService } from '../services/setupService';
import type { IPolicyRepository } from '../services/ports/policy';
import type { ISettingsRepository } from '../services/ports/settings';

// Split out of the first bundle: only a site owner running set-up needs the provisioner.
export function createSetupService(host: Host, policies: IPolicyRepository, settings: ISettingsRepository): SetupService {
  return new SetupService(new SpProvisioner(host.sp), policies, settings);
}
