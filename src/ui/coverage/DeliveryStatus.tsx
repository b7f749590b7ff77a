import * as React from 'react';
import { Spinner } from '@fluentui/react/lib/Spinner';
import { DefaultButton } from '@fluentui/react/lib/Button';
import * as strings from 'SocialMediaHubWebPartStrings';
import type { PolicyVersion } from '../../domain/policy';
import { useServices } from '../common/ServicesContext';
import { usePolicyPage } from '../common/PolicyPageContext';
import { useAsync } from '../common/useAsync';
import { ErrorBar } from '../common/ErrorBar';
import { DeliveryReportView } from '../common/DeliveryReportView';
import { useNotifyOwners } from '../common/useNotifyOwners';
import { format } from '../common/format';

// Notifications are best effort on top of the saved version, so comms must be able to see who was
// not reached, and send again, long after publishing (even if the publishing tab was closed before
// anything was sent).

export function DeliveryStatus({ policy }: { policy: PolicyVersion }): React.ReactElement | null {
  const services = useServices();
  const { state: pageState } = usePolicyPage();
  const teamsAppId = pageState.status === 'ready' ? pageState.value.settings.teamsAppId : '';
  const [state, reload] = useAsync(async () => {
    const publisher = await services.publisher(teamsAppId);
    return { publisher, report: await publisher.lastDelivery(policy) };
  }, [services, policy.id, teamsAppId]);
  const notify = useNotifyOwners(state.status === 'ready' ? state.value.publisher : undefined, policy, state.status === 'ready' ? state.value.report : undefined);
  // Owners are told about the major release (N.0); its report stays visible while a minor is in force.
  const release = policy.majorRelease ?? (policy.isMajor ? policy : undefined);
  if (!release) return null;
  const heading = <h3 style={{ margin: '16px 0 8px' }}>{format(strings.DeliveryHeading, release.label)}</h3>;
  if (state.status === 'loading') return <>{heading}<Spinner /></>;
  if (state.status === 'error') return <>{heading}<ErrorBar error={state.error} onRetry={reload} /></>;
  return (
    <section>
      {heading}
      {notify.report
        ? <DeliveryReportView report={notify.report} onRetry={notify.send} retrying={notify.sending} />
        : <><p>{strings.DeliveryNotSent}</p><DefaultButton text={notify.sending ? strings.DeliverySending : strings.DeliverySendNow} onClick={notify.send} disabled={notify.sending} /></>}
      {notify.problem !== undefined && <ErrorBar error={notify.problem} onRetry={notify.send} />}
    </section>
  );
}
