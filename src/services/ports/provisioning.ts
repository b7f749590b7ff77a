// What set-up needs from SharePoint: a plan of the changes that would bring the site to the schema,
// and a way to check that the person running it may change lists and permissions.

/** What a step changes, so the report can say "16 lists created, 2 groups, 40 permissions set". */
export type ProvisionKind = 'list' | 'group' | 'permission' | 'other';

export interface ProvisionStep {
  /** Human-readable line for the progress list and the final report. */
  description: string;
  /** Counted under "other" when not given (fields, indexes, list settings). */
  kind?: ProvisionKind;
  apply(): Promise<void>;
}

/** Where a site owner goes after set-up: the site, and the groups whose members they choose. */
export interface ManagePlaces {
  siteUrl: string;
  /** The hub's groups as they are on the site (after set-up, all of them). */
  groups: { principal: string; title: string; id: number }[];
}

export interface IProvisioner {
  /** True when the current user can create lists and manage permissions on the site. */
  canProvision(): Promise<boolean>;
  /**
   * Reads the site and returns the remaining steps of one phase, in the order they must run. Every
   * phase (0, 1, 2 … until undefined) is planned before any step is applied, so the whole plan is
   * known up front: a phase plans for what earlier phases will create (a list to be created gets all
   * its fields), and its steps look up ids they depend on (a new group's) when they are applied.
   */
  planPhase(phase: number): Promise<ProvisionStep[] | undefined>;
  /**
   * What set-up found and deliberately left alone, for the report (e.g. a list an earlier version
   * created and this one retired, kept with its items). Not changes: a second run says them again.
   */
  notices(): Promise<string[]>;
  /** Read after the steps ran: the site's address and the ids of the groups set-up made or found. */
  whereToManage(): Promise<ManagePlaces>;
}
