import { SetupService, SETUP_FORBIDDEN } from '../../src/services/setupService';
import type { IProvisioner, ProvisionKind, ProvisionStep } from '../../src/services/ports/provisioning';
import type { IPolicyRepository } from '../../src/services/ports/policy';
import { DEFAULT_SETTINGS, type HubSettings, type ISettingsRepository } from '../../src/services/ports/settings';
import type { PolicyVersion } from '../../src/domain/policy';

// An in-memory site: phases report what is missing until applied, like the real provisioner.
class FakeProvisioner implements IProvisioner {
  public applied: string[] = [];
  private missing = [['group A'], ['list A', 'list B'], ['field A'], ['grant A', 'grant B', 'grant C']];
  private groupIds: number[] = [];
  public constructor(private allowed = true, private retired: string[] = []) {}
  public async canProvision() { return this.allowed; }
  public async notices() { return this.retired; }
  public async whereToManage() {
    return { siteUrl: 'https://contoso.sharepoint.com/sites/hub', groups: this.groupIds.map((id) => ({ principal: 'comms', title: 'Comms', id })) };
  }
  public async planPhase(phase: number): Promise<ProvisionStep[] | undefined> {
    if (phase >= this.missing.length) return undefined;
    const kinds: (ProvisionKind | undefined)[] = ['group', 'list', undefined, 'permission'];
    return this.missing[phase].map((d) => ({
      description: d,
      kind: kinds[phase],
      apply: async () => {
        this.applied.push(d);
        if (kinds[phase] === 'group') this.groupIds.push(7);
        this.missing[phase] = this.missing[phase].filter((x) => x !== d);
      }
    }));
  }
}

class FakePolicies implements IPolicyRepository {
  public versions: PolicyVersion[] = [];
  public async loadPolicyPage() { return { policy: this.versions[0], settings: DEFAULT_SETTINGS, myAcks: [], canPublish: false, canReadAllAcks: false, canManageSite: true }; }
  public async listVersions() { return []; }
  public async getVersion(): Promise<PolicyVersion> { throw new Error('not used'); }
  public async hasAnyVersion() { return this.versions.length > 0; }
  public async publish(input: Parameters<IPolicyRepository['publish']>[0]) {
    const v: PolicyVersion = { id: this.versions.length + 1, major: input.major, minor: input.minor, label: `${input.major}.${input.minor}`, isMajor: input.isMajor, content: input.content };
    this.versions.push(v);
    return v;
  }
}

class FakeSettings implements ISettingsRepository {
  public saved: Partial<HubSettings>[] = [];
  private current: HubSettings = { ...DEFAULT_SETTINGS };
  public async load() { return this.current; }
  public async save(changes: Partial<HubSettings>) { this.saved.push(changes); this.current = { ...this.current, ...changes }; return this.current; }
}

describe('set-up', () => {
  it('applies every planned step in order, seeds the policy and saves settings; a second run changes nothing', async () => {
    const provisioner = new FakeProvisioner();
    const policies = new FakePolicies();
    const settings = new FakeSettings();
    const service = new SetupService(provisioner, policies, settings);
    const progress: number[] = [];
    const totals = new Set<number>();

    const first = await service.run({ organisationName: 'Northshire Council', reportDay: 1 }, (p) => { progress.push(p.done); totals.add(p.planned); });
    // The plan's size is known before the first step runs: every report counts against one total.
    expect([...totals]).toEqual([first.changes.length]);
    expect(first.changes).toHaveLength(9);
    expect(provisioner.applied).toEqual(['group A', 'list A', 'list B', 'field A', 'grant A', 'grant B', 'grant C']);
    expect(first.seededPolicy).toBe(true);
    expect(policies.versions).toHaveLength(1);
    expect(first.changes).toContain('Save settings: organisationName');
    expect(progress[progress.length - 1]).toBe(first.changes.length);

    const second = await service.run({ organisationName: 'Northshire Council', reportDay: 1 });
    expect(second.changes).toEqual([]);
    expect(second.seededPolicy).toBe(false);
    expect(settings.saved).toHaveLength(1);
  });

  it('reports what it left alone on purpose on every run, never as a change', async () => {
    const service = new SetupService(new FakeProvisioner(true, ['"SMH Vault Keys" is retired']), new FakePolicies(), new FakeSettings());
    await service.run({});
    const again = await service.run({});
    expect(again.changes).toEqual([]);
    expect(again.notices).toEqual(['"SMH Vault Keys" is retired']);
  });

  it('refuses someone who is not a site owner before changing anything', async () => {
    const provisioner = new FakeProvisioner(false);
    const service = new SetupService(provisioner, new FakePolicies(), new FakeSettings());
    await expect(service.run({})).rejects.toMatchObject({ kind: 'forbidden', message: SETUP_FORBIDDEN });
    expect(provisioner.applied).toEqual([]);
  });

  it('stops at a failing step and can simply be run again', async () => {
    const provisioner = new FakeProvisioner();
    let fail = true;
    const original = provisioner.planPhase.bind(provisioner);
    provisioner.planPhase = async (phase) => {
      const steps = await original(phase);
      return steps?.map((s) => (s.description === 'list B' ? { ...s, apply: async () => { if (fail) throw new Error('throttled'); await s.apply(); } } : s));
    };
    const service = new SetupService(provisioner, new FakePolicies(), new FakeSettings());
    await expect(service.run({})).rejects.toThrow('throttled');
    fail = false;
    const retry = await service.run({});
    expect(retry.changes.slice(0, 2)).toEqual(['list B', 'field A']);
    expect(provisioner.applied).toEqual(['group A', 'list A', 'list B', 'field A', 'grant A', 'grant B', 'grant C']);
  });

  it('counts what it changed by kind, with the policy and settings under "other", and says where the groups are', async () => {
    const service = new SetupService(new FakeProvisioner(), new FakePolicies(), new FakeSettings());
    const first = await service.run({ organisationName: 'Northshire Council' });
    // field A, the seeded policy and the saved settings are neither lists, groups nor permissions.
    expect(first.counts).toEqual({ list: 2, group: 1, permission: 3, other: 3 });
    // Read after the steps ran, so a group created by this run is there with its id.
    expect(first.manage.groups).toEqual([{ principal: 'comms', title: 'Comms', id: 7 }]);
    const second = await service.run({ organisationName: 'Northshire Council' });
    expect(second.counts).toEqual({ list: 0, group: 0, permission: 0, other: 0 });
  });
});
