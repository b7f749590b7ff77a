import * as React from 'react';
import { DefaultButton } from '@fluentui/react/lib/Button';
import * as strings from 'SocialMediaHubWebPartStrings';
import type { DeliveryReport } from '../../services/policyPublisher';
import type { DeliveryResult } from '../../services/ports/notifier';
import { Notice } from './Notice';
import { format } from './format';

// One view of a Teams delivery report, used right after publishing and later in the coverage view:
// how many were reached, who was not and why, and a retry for just those.

export function reasonText(r: DeliveryResult): string {
  const key = r.status === 'throttled' ? 'throttled' : r.reason ?? 'server';
  const texts: Record<string, string> = {
    throttled: strings.DeliveryReasonThrottled, forbidden: strings.DeliveryReasonForbidden, notFound: strings.DeliveryReasonNotFound,
    validation: strings.DeliveryReasonValidation, server: strings.DeliveryReasonServer, offline: strings.DeliveryReasonOffline,
    conflict: strings.DeliveryReasonConflict
  };
  return texts[key] ?? strings.DeliveryReasonServer;
}

export function DeliveryReportView({ report, onRetry, retrying }: { report: DeliveryReport; onRetry?: () => void; retrying?: boolean }): React.ReactElement {
  if (report.recipients === 0) return <div data-testid="delivery-report"><Notice kind="info">{strings.DeliveryNone}</Notice></div>;
  const complete = report.notDelivered.length === 0;
  return (
    <div data-testid="delivery-report">
      <Notice kind={complete ? 'success' : 'warning'}>{format(strings.DeliverySummary, report.delivered, report.recipients)}</Notice>
      {!complete && (
        <>
          <ul>{report.notDelivered.map((r) => <li key={r.recipient}>{format(strings.DeliveryNotDelivered, r.recipient, reasonText(r))}</li>)}</ul>
          {onRetry && <DefaultButton text={retrying ? strings.DeliveryRetrying : strings.DeliveryRetry} onClick={onRetry} disabled={retrying} />}
        </>
      )}
    </div>
  );
}
