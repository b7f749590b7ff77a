import * as React from 'react';
import { DefaultButton } from '@fluentui/react/lib/Button';
import { Spinner } from '@fluentui/react/lib/Spinner';
import * as strings from 'SocialMediaHubWebPartStrings';
import type { PolicyVersion } from '../../domain/policy';
import type { DeliveryReport } from '../../services/policyPublisher';
import type { DeliveryResult } from '../../services/ports/notifier';
import { useServices } from '../common/ServicesContext';
import { usePolicyPage } from '../common/PolicyPageContext';
import { useAsync } from '../common/useAsync';
import { ErrorBar } from '../common/ErrorBar';
import { Notice } from '../common/Notice';
import { format } from '../common/format';

// Notifications are best effort on top of the saved version, so comms must be able to see who was
// not reached, and try again, long after publishing.

export function reasonText(r: DeliveryResult): string {
  const key = r.status === 'throttled' ? 'throttled' : r.reason ?? 'server';
  const texts: Record<string, string> = {
    throttled: strings.DeliveryReasonThrottled, forbidden: strings.DeliveryReasonForbidden, notFound: strings.DeliveryReasonNotFound,
    validation: strings.DeliveryReasonValidation, server: strings.DeliveryReasonServer, offline: strings.DeliveryReasonOffline
  };
  return texts[key] ?? strings.DeliveryReasonServer;
}

export function DeliveryReportView({ report, onRetry, retrying }: { report: DeliveryReport; onRetry?: () => void; retrying?: boolean }): React.ReactElement {
  if (report.recipients === 0) return <Notice kind="info">{strings.DeliveryNone}</Notice>;
  const complete = report.notDelivered.length === 0;
  return (
    <div data-testid="delivery-report">
      <Notice kind={complete ? 'success' : 'warning'}>{format(strings.DeliverySummary, report.delivered, report.recipients)}</Notice>
      {!complete && (
        <>
          <ul>{report.notDelivered.map((r) => <li key={r.recipient}>{format(strings.DeliveryNotDelivered, r.recipient, reasonText(r))}</li>)}</ul>
          {onRetry && <DefaultButton text={strings.DeliveryRetry} onClick={onRetry} disabled={retrying} />}
          {retrying && <Spinner />}
        </>
      )}
    </div>
  );
}

export function DeliveryStatus({ policy }: { policy: PolicyVersion }): React.ReactElement | null {
  const services = useServices();
  const { state: pageState } = usePolicyPage();
  const teamsAppId = pageState.status === 'ready' ? pageState.value.settings.teamsAppId : '';
  const [state, reload, set] = useAsync(async () => {
    const publisher = await services.publisher(teamsAppId);
    return { publisher, report: await publisher.lastDelivery(policy) };
  }, [services, policy.id, teamsAppId]);
  const [retrying, setRetrying] = React.useState(false);
  const [retryError, setRetryError] = React.useState<unknown>();
  if (!policy.isMajor) return null;
  const heading = <h3 style={{ margin: '16px 0 8px' }}>{format(strings.DeliveryHeading, policy.label)}</h3>;
  if (state.status === 'loading') return <>{heading}<Spinner /></>;
  if (state.status === 'error') return <>{heading}<ErrorBar error={state.error} onRetry={reload} /></>;
  const { publisher, report } = state.value;
  if (!report) return <>{heading}<p>{strings.DeliveryNotSent}</p></>;
  const retry = async (): Promise<void> => {
    setRetrying(true);
    setRetryError(undefined);
    try {
      const next = await publisher.notifyOwners(policy, report.notDelivered.map((r) => r.recipient));
      set({ publisher, report: { ...report, ...next } });
    } catch (e) {
      setRetryError(e);
    } finally {
      setRetrying(false);
    }
  };
  return (
    <section>
      {heading}
      <DeliveryReportView report={report} onRetry={() => void retry()} retrying={retrying} />
      {retryError !== undefined && <ErrorBar error={retryError} />}
    </section>
  );
}
