import * as React from 'react';
import { DefaultButton } from '@fluentui/react/lib/Button';
import * as strings from 'SocialMediaHubWebPartStrings';
import type { DeliveryReport } from '../../services/policyPublisher';
import type { DeliveryResult } from '../../services/ports/notifier';
import { deliverySummary, isRetryable } from '../../services/deliveryReport';
import { Notice } from './Notice';
import { format } from './format';

// One view of a Teams delivery report, used right after publishing and later in the coverage view.
// It says only what the hub knows: "sent" (Graph accepted the call), "not reachable" by name with
// why, "failed" by name with a retry. Never "delivered": Teams does not tell a sender that.

const REASONS: Record<string, () => string> = {
  disabled: () => strings.DeliveryReasonDisabled,
  unknown: () => strings.DeliveryReasonNotFound,
  appNotInstalled: () => strings.DeliveryReasonAppNotInstalled,
  self: () => strings.DeliveryReasonSelf,
  throttled: () => strings.DeliveryReasonThrottled,
  forbidden: () => strings.DeliveryReasonForbidden,
  validation: () => strings.DeliveryReasonValidation,
  server: () => strings.DeliveryReasonServer,
  offline: () => strings.DeliveryReasonOffline,
  conflict: () => strings.DeliveryReasonConflict
};

export function reasonText(r: DeliveryResult): string {
  return (REASONS[r.reason ?? 'server'] ?? REASONS.server)();
}

function who(r: DeliveryResult): string {
  return r.name ?? r.recipient;
}

export interface DeliveryReportViewProps {
  report: DeliveryReport;
  onRetry?: () => void;
  retrying?: boolean;
  /** "{0} of {1}" sentence for the headline; the owners-and-backups wording by default. */
  summaryTemplate?: string;
  /** What to say when nobody was meant to get it. */
  noneText?: string;
  testId?: string;
}

export function DeliveryReportView({ report, onRetry, retrying, summaryTemplate = strings.DeliverySummary, noneText = strings.DeliveryNone, testId = 'delivery-report' }: DeliveryReportViewProps): React.ReactElement {
  if (report.recipients === 0) return <div data-testid={testId}><Notice kind="info">{noneText}</Notice></div>;
  const summary = deliverySummary(report);
  const complete = summary.notReachable.length === 0 && summary.failed.length === 0;
  const named = summary.sentByName.filter((r) => r.via !== 'bulk');
  const inBulk = summary.sentByName.some((r) => r.via === 'bulk');
  const canRetry = report.results.some(isRetryable);
  return (
    <div data-testid={testId}>
      <Notice kind={complete ? 'success' : 'warning'}>{format(summaryTemplate, summary.sent, summary.recipients)}</Notice>
      {named.length > 0 && <p data-testid="delivery-sent">{format(strings.DeliverySentTo, named.map(who).join(', '))}</p>}
      {inBulk && <p>{strings.DeliveryBulkNote}</p>}
      {!complete && (
        <ul>
          {summary.notReachable.map((r) => <li key={r.recipient} data-status="notReachable">{format(strings.DeliveryNotReachable, who(r), reasonText(r))}</li>)}
          {summary.failed.map((r) => <li key={r.recipient} data-status="failed">{format(strings.DeliveryFailed, who(r), reasonText(r))}</li>)}
        </ul>
      )}
      {canRetry && onRetry && <div style={{ marginBottom: 16 }}><DefaultButton text={retrying ? strings.DeliveryRetrying : strings.DeliveryRetry} onClick={onRetry} disabled={retrying} /></div>}
    </div>
  );
}
