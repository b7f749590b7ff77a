// What set-up needs from SharePoint: a plan of the changes that would bring the site to the schema,
// and a way to check that the person running it may change lists and permissions.

export interface ProvisionStep {
  /** Human-readable line for the progress list and the final report. */
  description: string;
  apply(): Promise<void>;
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
}
