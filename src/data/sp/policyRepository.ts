import './pnp';
import type { SPFI } from './pnp';
import { LISTS } from '../schema';
import { parsePolicyContent, versionLabel, versionNumber, type PolicyContent, type PolicyVersion } from '../../domain/policy';
import type { IPolicyRepository, PolicyPageData } from '../../services/ports/policy';
import { guarded } from '../errors/normalise';
import { SETTINGS_SELECT, settingsFromItems } from './settingsRepository';

interface PolicyItem {
  Id: number;
  Major: number;
  VersionNumber: number;
  IsMajor: boolean;
  Content: string;
  ChangeSummary: string | null;
  PublishedAt: string | null;
  Author?: { Title: string };
}

const POLICY_SELECT = ['Id', 'Major', 'VersionNumber', 'IsMajor', 'Content', 'ChangeSummary', 'PublishedAt', 'Author/Title'];

export function policyFromItem(item: PolicyItem): PolicyVersion {
  const major = item.Major;
  const minor = item.VersionNumber - major * 1000;
  return {
    id: item.Id,
    major,
    minor,
    label: versionLabel(major, minor),
    isMajor: !!item.IsMajor,
    publishedAt: item.PublishedAt ?? undefined,
    publishedBy: item.Author?.Title,
    changeSummary: item.ChangeSummary ?? undefined,
    content: parsePolicyContent(item.Content)
  };
}

export class SpPolicyRepository implements IPolicyRepository {
  public constructor(private readonly sp: SPFI) {}

  private published(sp: SPFI) {
    return sp.web.lists.getByTitle(LISTS.policyVersions.title).items
      .filter("Status eq 'Published'").orderBy('VersionNumber', false).top(1)
      .select(...POLICY_SELECT).expand('Author');
  }

  public loadPolicyPage(): Promise<PolicyPageData> {
    return guarded(async () => {
      // One $batch: the page's first paint costs one SharePoint round trip.
      const [batched, execute] = this.sp.batched();
      const policyP = this.published(batched)<PolicyItem[]>();
      const settingsP = batched.web.lists.getByTitle(LISTS.settings.title).items.select(...SETTINGS_SELECT).top(500)<never[]>();
      await execute();
      const [policies, settings] = await Promise.all([policyP, settingsP]);
      return { policy: policies[0] ? policyFromItem(policies[0]) : undefined, settings: settingsFromItems(settings) };
    });
  }

  public hasAnyVersion(): Promise<boolean> {
    return guarded(async () => (await this.sp.web.lists.getByTitle(LISTS.policyVersions.title).items.select('Id').top(1)()).length > 0);
  }

  public publish(input: { major: number; minor: number; isMajor: boolean; content: PolicyContent; changeSummary: string }): Promise<PolicyVersion> {
    return guarded(async () => {
      const added = await this.sp.web.lists.getByTitle(LISTS.policyVersions.title).items.add({
        Title: `Social media policy ${versionLabel(input.major, input.minor)}`,
        VersionNumber: versionNumber(input.major, input.minor),
        VersionLabel: versionLabel(input.major, input.minor),
        Major: input.major,
        IsMajor: input.isMajor,
        Status: 'Published',
        Content: JSON.stringify(input.content),
        ChangeSummary: input.changeSummary,
        PublishedAt: new Date().toISOString()
      });
      return policyFromItem(added as PolicyItem);
    });
  }
}
