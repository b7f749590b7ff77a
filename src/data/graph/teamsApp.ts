// Ids of the Teams app, for code under src/ (the SPFx build compiles src/ only, so it cannot import
// src/teams/app-ids.json). tests/teams/manifest.test.ts checks these equal src/teams/app-ids.json and
// src/teams/manifest.json, so the copies cannot drift apart.
import type { ActivityType } from '../../services/ports/notifier';

export const TEAMS_APP_ID = '5f3c7a2e-9d41-4b6e-a8c0-3e2f1d7b9a10';

/** entityId of the personal tab in src/teams/manifest.json; deep links open it. */
export const PERSONAL_TAB_ENTITY_ID = 'hub';

/**
 * The template parameters each activity type's templateText needs (besides {actor}, which Teams
 * fills with the sender's name). Graph rejects a notification that leaves one out.
 */
export const ACTIVITY_TEMPLATE_PARAMETERS: Readonly<Record<ActivityType, readonly string[]>> = {
  approvalRequired: ['requestTitle'],
  requestUpdated: ['requestTitle', 'outcome'],
  requestWithdrawn: ['requestTitle'],
  reportDue: ['period', 'accountName', 'dueState'],
  credentialsShared: ['change', 'accountName'],
  accountFlagged: ['accountName', 'flagReason'],
  emergencyRole: ['roleName', 'incidentName'],
  policyPublished: ['policyVersion'],
  policyReminder: ['policyVersion'],
  emergencyRolesAnnounced: ['roleCount']
};
