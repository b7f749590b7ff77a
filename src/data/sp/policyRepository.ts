import './pnp';
import type { SPFI } from './pnp';
import { SPQueryable } from '@pnp/sp';
import { BUILT_IN, LISTS, PERSON, POLICY_STATUS, fieldNames, through } from '../schema';
import { majorReleaseOf, parsePolicyContent, versionLabel, versionNumber, type PolicyVersion } from '../../domain/policy';
import type { IPolicyRepository, PolicyPageData, PolicyVersionSummary, PublishInput } from '../../services/ports/policy';
import { guarded } from '../errors/normalise';
import { odataNumber, odataString } from './odata';
import { SETTINGS_SELECT, settingsFromItems } from './settingsRepository';

interface PolicyItem {
  Id: number;
  Major: number;
  VersionNumber: number;
  IsMajor: boolean;
  Content: string;
  ChangeSummary: string | null;
  /** Server-recorded: when the version was published (nothing the client writes is trusted for it). */
  Created: string;
  Author?: { Title: string };
}

const F = fieldNames(LISTS.policyVersions);
const ACK = fieldNames(LISTS.acknowledgements);
const { Id, Created, Author, AuthorId } = BUILT_IN;
const SUMMARY_SELECT = [Id, F.Major, F.VersionNumber, F.IsMajor, F.ChangeSummary, Created, through(Author, PERSON.Title)];
const POLICY_SELECT = [...SUMMARY_SELECT, F.Content];
const PUBLISHED = `${F.Status} eq ${odataString(POLICY_STATUS.published)}`;
// SPBasePermissions bits (low 32), read without pulling PnPjs's security module into the first paint.
const ADD_LIST_ITEMS = 0x2;
const OVERRIDE_LIST_BEHAVIORS = 0x100;
const MANAGE_WEB = 0x40000000;
const has = (perms: { Low: number | string }, bit: number): boolean => (Number(perms.Low) & bit) !== 0;
type Perms = { High: number | string; Low: number | string };

function summaryFromItem(item: Omit<PolicyItem, typeof F.Content>): PolicyVersionSummary {
  const major = item.Major;
  const minor = item.VersionNumber - major * 1000;
  const summary: PolicyVersionSummary = {
    id: item.Id, major, minor, label: versionLabel(major, minor), isMajor: !!item.IsMajor,
    publishedAt: item.Created, publishedBy: item.Author?.Title, changeSummary: item.ChangeSummary ?? undefined
  };
  // N.0 is its own major release; a minor's is looked up by whoever read it (see withRelease).
  return minor === 0 ? { ...summary, majorRelease: majorReleaseOf(summary, []) } : summary;
}

export function policyFromItem(item: PolicyItem): PolicyVersion {
  return { ...summaryFromItem(item), content: parsePolicyContent(item.Content) };
}

/** How many of a person's newest acknowledgements the page reads (one per major version in practice). */
const RECENT_ACKS = 20;
/** Published versions read at once: a policy gains a few a year, so this is every one in practice. */
const MAX_VERSIONS = 500;

export class SpPolicyRepository implements IPolicyRepository {
  public constructor(private readonly sp: SPFI) {}

  private versions(sp: SPFI = this.sp) {
    return sp.web.lists.getByTitle(LISTS.policyVersions.title).items;
  }

  public loadPolicyPage(mySiteUserId: number): Promise<PolicyPageData> {
    return guarded(async () => {
      // One $batch: the page's first paint costs one SharePoint round trip.
      const [batched, execute] = this.sp.batched();
      const policyP = this.versions(batched).filter(PUBLISHED).orderBy(F.VersionNumber, false).top(1).select(...POLICY_SELECT).expand(Author)<PolicyItem[]>();
      const settingsP = batched.web.lists.getByTitle(LISTS.settings.title).items.select(...SETTINGS_SELECT).top(500)<never[]>();
      // Every published version's summary (no content): the in-force major's N.0, from whose
      // publication acknowledgements count, and the change notes since the version the person last
      // confirmed, both from the one request.
      const summariesP = this.versions(batched).filter(PUBLISHED).orderBy(F.VersionNumber, false).top(MAX_VERSIONS).select(...SUMMARY_SELECT).expand(Author)<PolicyItem[]>();
      const ackP = batched.web.lists.getByTitle(LISTS.acknowledgements.title).items
        .filter(`${AuthorId} eq ${odataNumber(mySiteUserId)}`).orderBy(Created, false).top(RECENT_ACKS).select(ACK.PolicyMajor, Created)<{ PolicyMajor: number; Created: string }[]>();
      // What the person may do, from SharePoint's own answer for them (covers rights through Entra
      // groups, which a group-membership check would miss).
      const webPermsP = SPQueryable(batched.web, 'EffectiveBasePermissions')<Perms>();
      const policyPermsP = SPQueryable(batched.web.lists.getByTitle(LISTS.policyVersions.title), 'EffectiveBasePermissions')<Perms>();
      const ackPermsP = SPQueryable(batched.web.lists.getByTitle(LISTS.acknowledgements.title), 'EffectiveBasePermissions')<Perms>();
      // The request lists decide who sees the review queue and its actions. A site set up before
      // they existed answers 404 here: no queue, rather than no page.
      const listPerms = (title: string) => SPQueryable(batched.web.lists.getByTitle(title), 'EffectiveBasePermissions')<Perms>().catch(() => undefined);
      const requestPermsP = listPerms(LISTS.requests.title);
      const reviewPermsP = listPerms(LISTS.reviews.title);
      const decisionPermsP = listPerms(LISTS.decisions.title);
      await execute();
      const [policies, summaryItems, settings, acks, webPerms, policyPerms, ackPerms] = await Promise.all([policyP, summariesP, settingsP, ackP, webPermsP, policyPermsP, ackPermsP]);
      const [requestPerms, reviewPerms, decisionPerms] = await Promise.all([requestPermsP, reviewPermsP, decisionPermsP]);
      const inForce = policies[0] ? policyFromItem(policies[0]) : undefined;
      const summaries = summaryItems.map(summaryFromItem);
      return {
        policy: inForce && { ...inForce, majorRelease: majorReleaseOf(inForce, summaries) },
        versions: summaries.map((v) => ({ ...v, majorRelease: majorReleaseOf(v, summaries) })),
        settings: settingsFromItems(settings),
        myAcks: acks.map((a) => ({ major: a.PolicyMajor, at: a.Created })),
        canPublish: has(policyPerms, ADD_LIST_ITEMS),
        canReadAllAcks: has(ackPerms, OVERRIDE_LIST_BEHAVIORS),
        canManageSite: has(webPerms, MANAGE_WEB),
        canReadAllRequests: !!requestPerms && has(requestPerms, OVERRIDE_LIST_BEHAVIORS),
        canReview: !!reviewPerms && has(reviewPerms, ADD_LIST_ITEMS),
        canDecide: !!decisionPerms && has(decisionPerms, ADD_LIST_ITEMS)
      };
    });
  }

  public listVersions(): Promise<PolicyVersionSummary[]> {
    return guarded(async () => {
      const items = await this.versions().filter(PUBLISHED).orderBy(F.VersionNumber, false).top(MAX_VERSIONS).select(...SUMMARY_SELECT).expand(Author)<PolicyItem[]>();
      const all = items.map(summaryFromItem);
      return all.map((v) => ({ ...v, majorRelease: majorReleaseOf(v, all) }));
    });
  }

  public getVersion(id: number): Promise<PolicyVersion> {
    return guarded(async () => this.withRelease(policyFromItem(await this.versions().getById(id).select(...POLICY_SELECT).expand(Author)<PolicyItem>())));
  }

  public hasAnyVersion(): Promise<boolean> {
    return guarded(async () => (await this.versions().select(Id).top(1)()).length > 0);
  }

  public publish(input: PublishInput): Promise<PolicyVersion> {
    return guarded(async () => {
      const added = await this.versions().add({
        [BUILT_IN.Title]: `Social media policy ${versionLabel(input.major, input.minor)}`,
        [F.VersionNumber]: versionNumber(input.major, input.minor),
        [F.VersionLabel]: versionLabel(input.major, input.minor),
        [F.Major]: input.major,
        [F.IsMajor]: input.isMajor,
        [F.Status]: POLICY_STATUS.published,
        [F.Content]: JSON.stringify(input.content),
        [F.ChangeSummary]: input.changeSummary
      });
      return this.withRelease(policyFromItem(added as PolicyItem));
    });
  }

  /** A minor version with its major's N.0 (VersionNumber is indexed and unique: one cheap query). */
  private async withRelease(version: PolicyVersion): Promise<PolicyVersion> {
    if (version.minor === 0) return version;
    const found = await this.versions().filter(`${F.VersionNumber} eq ${odataNumber(versionNumber(version.major, 0))} and ${PUBLISHED}`).top(1).select(...SUMMARY_SELECT).expand(Author)<PolicyItem[]>();
    return { ...version, majorRelease: majorReleaseOf(version, found.map(summaryFromItem)) };
  }
}
