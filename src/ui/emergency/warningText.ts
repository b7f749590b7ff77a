import * as strings from 'SocialMediaHubWebPartStrings';
import type { RoleWarning } from '../../domain/emergency';
import { format } from '../common/format';

/** One warning of the plan as a sentence. */
export function warningText(w: RoleWarning): string {
  switch (w.kind) {
    case 'noPerson': return format(strings.EmergencyWarnNoPerson, w.role);
    case 'noBackup': return format(strings.EmergencyWarnNoBackup, w.role);
    case 'ownBackup': return format(strings.EmergencyWarnOwnBackup, w.role, w.person);
    case 'clash': return format(strings.EmergencyWarnClash, w.person, w.roles[0], w.roles[1], w.why);
    case 'left': return format(strings.EmergencyWarnLeft, w.role, w.person, w.as === 'person' ? strings.EmergencyAsPerson : strings.EmergencyAsBackup, w.status === 'disabled' ? strings.EmergencyStatusDisabled : strings.EmergencyStatusGone);
  }
}
