import { AppError, isAppError } from '../domain/errors';
import { DEFAULT_POLICY } from '../domain/policy';
import type { IPolicyRepository } from './ports/policy';
import type { IProvisioner, ManagePlaces, ProvisionKind, ProvisionStep } from './ports/provisioning';
import { DEFAULT_SETTINGS, type HubSettings, type ISettingsRepository } from './ports/settings';

export interface SetupProgress {
  /** Steps finished so far, and all the steps of the plan (known before the first one runs). */
  done: number;
  planned: number;
  current?: string;
}

export interface SetupReport {
  /** What set-up changed, in order. Empty when the site was already up to date. */
  changes: string[];
  seededPolicy: boolean;
  /** What set-up found and left alone on purpose (retired lists kept with their items). */
  notices: string[];
  /** How many of the changes were of each kind, for a summary a site owner can read at a glance. */
  counts: Record<ProvisionKind, number>;
  /** Where the site owner goes next: the site and the hub's groups, read after the steps ran. */
  manage: ManagePlaces;
}

export function countByKind(steps: readonly Pick<ProvisionStep, 'kind'>[]): Record<ProvisionKind, number> {
  const counts: Record<ProvisionKind, number> = { list: 0, group: 0, permission: 0, other: 0 };
  for (const s of steps) counts[s.kind ?? 'other']++;
  return counts;
}

export const SETUP_FORBIDDEN = 'Only a site owner can run set-up: it creates lists and sets their permissions.';

/** PRODUCT.md C10: create or upgrade every list, field, index and permission, then seed the policy. */
export class SetupService {
  public constructor(
    private readonly provisioner: IProvisioner,
    private readonly policies: IPolicyRepository,
    private readonly settings: ISettingsRepository
  ) {}

  public canRun(): Promise<boolean> {
    return this.provisioner.canProvision();
  }

  public async run(settings: Partial<HubSettings>, onProgress: (p: SetupProgress) => void = () => undefined): Promise<SetupReport> {
    // Checked first so a visitor gets a clear answer rather than a failure halfway through; SharePoint
    // would refuse each call anyway.
    if (!(await this.provisioner.canProvision())) throw new AppError('forbidden', SETUP_FORBIDDEN);
    // The whole plan first, so progress counts against a total known from the start (issue 7).
    const steps: ProvisionStep[] = [];
    for (let phase = 0; ; phase++) {
      const planned = await this.provisioner.planPhase(phase);
      if (!planned) break;
      steps.push(...planned);
    }
    // Before the first run the lists are not there yet: no policy, default settings.
    const notYet = <T>(fallback: T) => (e: unknown): T => { if (isAppError(e) && e.kind === 'notSetUp') return fallback; throw e; };
    const seed = !(await this.policies.hasAnyVersion().catch(notYet(false)));
    const current = await this.settings.load().catch(notYet({ ...DEFAULT_SETTINGS }));
    const changed = (Object.keys(settings) as (keyof HubSettings)[]).filter((k) => settings[k] !== undefined && settings[k] !== current[k]);
    const total = steps.length + Number(seed) + Number(changed.length > 0);

    const changes: string[] = [];
    const applied: ProvisionStep[] = [];
    for (const step of steps) {
      onProgress({ done: changes.length, planned: total, current: step.description });
      await step.apply();
      changes.push(step.description);
      applied.push(step);
    }
    let seededPolicy = false;
    if (seed) {
      onProgress({ done: changes.length, planned: total, current: 'Publish the default policy' });
      await this.policies.publish({ major: 1, minor: 0, isMajor: true, content: DEFAULT_POLICY, changeSummary: 'First version, created by set-up.' });
      changes.push('Publish the default policy (version 1.0)');
      seededPolicy = true;
    }
    if (changed.length > 0) {
      onProgress({ done: changes.length, planned: total, current: 'Save settings' });
      await this.settings.save(Object.fromEntries(changed.map((k) => [k, settings[k]])) as Partial<HubSettings>);
      changes.push(`Save settings: ${changed.join(', ')}`);
    }
    onProgress({ done: changes.length, planned: changes.length });
    const [notices, manage] = await Promise.all([this.provisioner.notices(), this.provisioner.whereToManage()]);
    // The seeded policy and saved settings are neither lists, groups nor permissions: "other".
    const counts = countByKind(applied);
    counts.other += changes.length - applied.length;
    return { changes, seededPolicy, notices, counts, manage };
  }
}
