// Whether the Teams app is installed for each person. Graph delivers an activity notification only to
// someone the app is installed for (personally or in a team they belong to); the directory seed says
// who starts without it, and the control plane flips it for a test or a demo. Held in memory, like
// the fault switches: a restart returns to the seed.
import type { DirectoryUser } from '../directory';

export class TeamsAppInstallations {
  private readonly overrides = new Map<string, boolean>();

  constructor(private readonly directory: () => readonly DirectoryUser[]) {}

  isInstalledFor(user: DirectoryUser): boolean {
    return this.overrides.get(user.id.toLowerCase()) ?? user.teamsAppInstalled !== false;
  }

  /** false when nobody of that id or UPN is in the directory. */
  set(idOrUpn: string, installed: boolean): boolean {
    const key = idOrUpn.toLowerCase();
    const user = this.directory().find((u) => u.id.toLowerCase() === key || u.upn.toLowerCase() === key);
    if (!user) return false;
    this.overrides.set(user.id.toLowerCase(), installed);
    return true;
  }

  reset(): void {
    this.overrides.clear();
  }

  snapshot(): { upn: string; id: string; installed: boolean }[] {
    return this.directory().map((u) => ({ upn: u.upn, id: u.id, installed: this.isInstalledFor(u) }));
  }
}
