import './pnp';
import type { SPFI } from './pnp';
import { SPQueryable } from '@pnp/sp';
import { GROUPS, LISTS } from '../schema';
import { parsePolicyContent, versionLabel, versionNumber, type PolicyVersion } from '../../domain/policy';
import type { IPolicyRepository, PolicyPageData, PolicyVersionSummary, PublishInput } from '../../services/ports/policy';
import { guarded } from '../errors/normalise';
import { odataNumber } from './odata';
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

const SUMMARY_SELECT = ['Id', 'Major', 'VersionNumber', 'IsMajor', 'ChangeSummary', 'PublishedAt', 'Author/Title'];
const POLICY_SELECT = [...SUMMARY_SELECT, 'Content'];
const COMMS_GROUP = GROUPS.find((g) => g.principal === 'comms')!.title;
const MANAGE_WEB = 0x40000000;

function summaryFromItem(item: Omit<PolicyItem, 'Content'>): PolicyVersionSummary {
  const major = item.Major;
  const minor = item.VersionNumber - major * 1000;
  return {
    id: item.Id, major, minor, label: versionLabel(major, minor), isMajor: !!item.IsMajor,
    publishedAt: item.PublishedAt ?? undefined, publishedBy: item.Author?.Title, changeSummary: item.ChangeSummary ?? undefined
  };
}

export function policyFromItem(item: PolicyItem): PolicyVersion {
  return { ...summaryFromItem(item), content: parsePolicyContent(item.Content) };
}

export class SpPolicyRepository implements IPolicyRepository {
  public constructor(private readonly sp: SPFI) {}

  private versions(sp: SPFI = this.sp) {
    return sp.web.lists.getByTitle(LISTS.policyVersions.title).items;
  }

  public loadPolicyPage(mySiteUserId: number): Promise<PolicyPageData> {
    return guarded(async () => {
      // One $batch: the page's first paint costs one SharePoint round trip.
      const [batched, execute] = this.sp.batched();
      const policyP = this.versions(batched).filter("Status eq 'Published'").orderBy('VersionNumber', false).top(1).select(...POLICY_SELECT).expand('Author')<PolicyItem[]>();
      const settingsP = batched.web.lists.getByTitle(LISTS.settings.title).items.select(...SETTINGS_SELECT).top(500)<never[]>();
      const ackP = batched.web.lists.getByTitle(LISTS.acknowledgements.title).items
        .filter(`AuthorId eq ${odataNumber(mySiteUserId)}`).orderBy('PolicyMajor', false).top(1).select('PolicyMajor', 'Created')<{ PolicyMajor: number; Created: string }[]>();
      const groupsP = batched.web.currentUser.groups.select('Title')<{ Title: string }[]>();
      const permsP = SPQueryable(batched.web, 'EffectiveBasePermissions')<{ High: number | string; Low: number | string }>();
      await execute();
      const [policies, settings, acks, groups, perms] = await Promise.all([policyP, settingsP, ackP, groupsP, permsP]);
      return {
        policy: policies[0] ? policyFromItem(policies[0]) : undefined,
        settings: settingsFromItems(settings),
        myLatestAck: acks[0] ? { major: acks[0].PolicyMajor, at: acks[0].Created } : undefined,
        isComms: groups.some((g) => g.Title === COMMS_GROUP),
        // SPBasePermissions.ManageWeb (low 32 bits), without pulling PnPjs's security module into the first paint.
        canManageSite: (Number(perms.Low) & MANAGE_WEB) !== 0
      };
    });
  }

  public listVersions(): Promise<PolicyVersionSummary[]> {
    return guarded(async () => {
      const items = await this.versions().filter("Status eq 'Published'").orderBy('VersionNumber', false).top(500).select(...SUMMARY_SELECT).expand('Author')<PolicyItem[]>();
      return items.map(summaryFromItem);
    });
  }

  public getVersion(id: number): Promise<PolicyVersion> {
    return guarded(async () => policyFromItem(await this.versions().getById(id).select(...POLICY_SELECT).expand('Author')<PolicyItem>()));
  }

  public hasAnyVersion(): Promise<boolean> {
    return guarded(async () => (await this.versions().select('Id').top(1)()).length > 0);
  }

  public publish(input: PublishInput): Promise<PolicyVersion> {
    return guarded(async () => {
      const added = await this.versions().add({
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
