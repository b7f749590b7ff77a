import * as React from 'react';
import * as strings from 'SocialMediaHubWebPartStrings';
import type { GateResult } from '../../services/acknowledgementGate';
import { Notice } from './Notice';
import { useNavigate } from './NavigationContext';

/**
 * Where the acknowledgement gate stops someone (a request, naming an owner): the reason, and the
 * way to the policy. Renders nothing when the gate is open.
 */
export function GateNotice({ result }: { result: GateResult }): React.ReactElement | null {
  const navigate = useNavigate();
  if (result.allowed) return null;
  return (
    <Notice kind="warning" urgent action={result.policyLink ? { label: strings.GateOpenPolicy, onClick: () => navigate(result.policyLink!.pageId) } : undefined}>
      {result.message}
    </Notice>
  );
}
