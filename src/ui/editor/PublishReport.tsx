import * as React from 'react';
import { PrimaryButton, DefaultButton } from '@fluentui/react/lib/Button';
import { useTheme } from '@fluentui/react/lib/Theme';
import * as strings from 'SocialMediaHubWebPartStrings';
import type { DeliveryReport, PolicyPublisher, PublishResult } from '../../services/policyPublisher';
import type { DeliveryResult } from '../../services/ports/notifier';
import { ErrorBar } from '../common/ErrorBar';
import { Notice } from '../common/Notice';
import { format } from '../common/format';
import { editorStyles } from './editorStyles';

export interface PublishReportProps {
  result: PublishResult;
  publisher: PolicyPublisher;
  onShowPolicy(): void;
  onEditAgain(): void;
}

function reasonText(r: DeliveryResult): string {
  if (r.status === 'throttled' || r.reason === 'throttled') return strings.EditorReasonThrottled;
  switch (r.reason) {
    case 'forbidden': return strings.EditorReasonForbidden;
    case 'notFound': return strings.EditorReasonNotFound;
    case 'offline': return strings.EditorReasonOffline;
    default: return strings.EditorReasonFailed;
  }
}

/** A failed retry leaves the earlier successes counted; only the retried people are re-reported. */
export function mergeRetry(before: DeliveryReport, retry: DeliveryReport): DeliveryReport {
  const retried = new Set(retry.notDelivered.map((r) => r.recipient));
  const stillFailing = before.notDelivered.filter((r) => retried.has(r.recipient));
  const latest = new Map(retry.notDelivered.map((r) => [r.recipient, r]));
  return {
    recipients: before.recipients,
    delivered: before.delivered + retry.delivered,
    notDelivered: stillFailing.map((r) => latest.get(r.recipient) ?? r)
  };
}

/**
 * What happened after publishing: the new version, and for a major one who was told in Teams.
 * Notifications are best effort on top of the saved version, so failures are listed with why and
 * can be retried for just those people.
 */
export function PublishReport({ result, publisher, onShowPolicy, onEditAgain }: PublishReportProps): React.ReactElement {
  const s = editorStyles(useTheme());
  const [report, setReport] = React.useState(result.delivery);
  const [retrying, setRetrying] = React.useState(false);
  const [retryError, setRetryError] = React.useState<unknown>();
  const top = React.useRef<HTMLDivElement>(null);
  const live = React.useRef(true);

  // The form that had focus is gone: start reading here.
  React.useEffect(() => {
    top.current?.focus();
    return () => { live.current = false; };
  }, []);

  const retry = async (): Promise<void> => {
    if (!report) return;
    setRetrying(true);
    setRetryError(undefined);
    try {
      const again = await publisher.notifyOwners(result.version, report.notDelivered.map((r) => r.recipient));
      if (live.current) setReport(mergeRetry(report, again));
    } catch (e) {
      if (live.current) setRetryError(e);
    } finally {
      if (live.current) setRetrying(false);
    }
  };

  return (
    <div className={s.report} ref={top} tabIndex={-1} aria-label={strings.EditorPublishedHeading}>
      <Notice kind="success">{format(strings.EditorPublished, result.version.label)}</Notice>
      {report && (
        <div data-testid="delivery-report">
          <Notice kind={report.notDelivered.length === 0 ? 'success' : 'warning'}>
            {report.recipients === 0 ? strings.EditorDeliveryNobody : format(strings.EditorDeliverySummary, report.delivered, report.recipients)}
          </Notice>
          {report.notDelivered.length > 0 && (
            <>
              <p>{strings.EditorNotDeliveredHeading}</p>
              <ul className={s.failedList}>
                {report.notDelivered.map((r) => <li key={r.recipient}>{`${r.recipient}: ${reasonText(r)}`}</li>)}
              </ul>
              <div className={s.actions} style={{ marginTop: 8 }}>
                <DefaultButton text={retrying ? strings.EditorRetrying : strings.EditorRetry} disabled={retrying} onClick={() => { void retry(); }} />
              </div>
            </>
          )}
          {retryError !== undefined && <ErrorBar error={retryError} />}
        </div>
      )}
      <div className={s.actions}>
        <PrimaryButton text={strings.EditorShowPublished} onClick={onShowPolicy} />
        <DefaultButton text={strings.EditorEditAgain} onClick={onEditAgain} />
      </div>
    </div>
  );
}
