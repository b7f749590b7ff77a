import * as React from 'react';
import { useTheme } from '@fluentui/react/lib/Theme';
import * as strings from 'SocialMediaHubWebPartStrings';
import { isHubFeature, isShown, type HubFeature } from '../../domain/policy';
import { format } from '../common/format';
import { editorStyles } from './editorStyles';

const LABELS: Record<HubFeature, string> = {
  requests: strings.FeatureRequests,
  register: strings.FeatureRegister,
  reports: strings.FeatureReports,
  vault: strings.FeatureVault,
  hashtags: strings.FeatureHashtags,
  emergencyRoles: strings.FeatureEmergencyRoles
};

export function featureLabel(feature: string): string {
  return isHubFeature(feature) ? LABELS[feature] : format(strings.FeatureUnknown, feature);
}

/** Comms see every part they edit; a part waiting for a feature says so, since staff don't see it yet. */
export function FeatureHint({ part }: { part: { feature?: string } }): React.ReactElement | null {
  const s = editorStyles(useTheme());
  if (part.feature === undefined || isShown(part)) return null;
  return <p className={s.hint}>{format(strings.EditorFeatureWaiting, featureLabel(part.feature))}</p>;
}
