import { SEED_PEOPLE, type DirectoryUser } from '../emulator/directory';

// Who the workbench is impersonating. The emulator reads the same cookie on every request, so the
// app's real PnPjs and Graph calls carry this identity with no code of their own.
export const USER_COOKIE = 'emulator-user';
const DEFAULT_PERSONA = 'staff';

export function currentPerson(): DirectoryUser {
  const match = document.cookie.split('; ').find((c) => c.startsWith(`${USER_COOKIE}=`));
  const upn = match ? decodeURIComponent(match.slice(USER_COOKIE.length + 1)) : undefined;
  const person = SEED_PEOPLE.find((p) => p.upn === upn) ?? SEED_PEOPLE.find((p) => p.persona === DEFAULT_PERSONA)!;
  // First visit: the page was rendered without a person, so without their digest and site user id.
  if (!match) switchPerson(person.upn, true);
  return person;
}

export function switchPerson(upn: string, reload = true): void {
  document.cookie = `${USER_COOKIE}=${encodeURIComponent(upn)}; path=/; SameSite=Strict`;
  if (reload) window.location.reload();
}

export const PERSONA_LABELS: Record<DirectoryUser['persona'], string> = {
  staff: 'member of staff',
  owner: 'account owner',
  backup: 'backup owner',
  comms: 'comms officer',
  commsHead: 'head of comms',
  siteOwner: 'site owner',
  leaver: 'leaver (disabled)'
};
