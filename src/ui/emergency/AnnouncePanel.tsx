import * as React from 'react';
import { Dialog, DialogFooter, DialogType } from '@fluentui/react/lib/Dialog';
import { DefaultButton, PrimaryButton } from '@fluentui/react/lib/Button';
import { ProgressIndicator } from '@fluentui/react/lib/ProgressIndicator';
import * as strings from 'SocialMediaHubWebPartStrings';
import { roleHolders } from '../../domain/emergency';
import type { AnnounceOutcome, AnnounceProgress, EmergencyPlan, EmergencyPlanService } from '../../services/emergencyPlanService';
import type { Activation, LoggedActivation } from '../../services/ports/emergency';
import { isRetryable } from '../../services/deliveryReport';
import { DeliveryReportView, reasonText } from '../common/DeliveryReportView';
import { ErrorBar } from '../common/ErrorBar';
import { Notice } from '../common/Notice';
import { format, formatDateTime } from '../common/format';

// "Announce roles" for comms: a confirmation, a progress bar while the card is posted and the
// notifications go out, then what happened, in the words the hub can stand behind ("sent", never
// "delivered"), with a retry of whatever did not go. The activation log below keeps each announcement
// for the next comms person.

function channelText(a: Activation): string {
  if (a.channel.status === 'posted') return strings.EmergencyChannelPosted;
  const why = a.channel.reason === 'notConfigured' ? strings.EmergencyChannelNotConfigured : reasonText({ recipient: '', status: 'failed', reason: a.channel.reason });
  return format(strings.EmergencyChannelFailed, why);
}

const canRetry = (a: Activation): boolean => (a.channel.status !== 'posted' && a.channel.reason !== 'notConfigured') || a.results.some(isRetryable);

export function ActivationReport({ activation, onRetry, busy, testId }: { activation: Activation; onRetry?: () => void; busy?: boolean; testId: string }): React.ReactElement {
  return (
    <div data-testid={testId}>
      <Notice kind={activation.channel.status === 'posted' ? 'success' : 'warning'}>{channelText(activation)}</Notice>
      <DeliveryReportView report={activation} summaryTemplate={strings.EmergencyNotifySummary} testId={`${testId}-delivery`} />
      {onRetry && canRetry(activation) && <DefaultButton text={busy ? strings.DeliveryRetrying : strings.EmergencyRetry} onClick={onRetry} disabled={busy} data-testid="emergency-retry" />}
    </div>
  );
}

export function AnnouncePanel({ service, plan, onAnnounced }: { service: EmergencyPlanService; plan: EmergencyPlan; onAnnounced(): void }): React.ReactElement {
  const [confirming, setConfirming] = React.useState(false);
  const [progress, setProgress] = React.useState<AnnounceProgress | undefined>();
  const [outcome, setOutcome] = React.useState<AnnounceOutcome | undefined>();
  const [error, setError] = React.useState<unknown>();
  const people = roleHolders(plan.roles).length;

  const run = async (work: (p: (x: AnnounceProgress) => void) => Promise<AnnounceOutcome>): Promise<void> => {
    setConfirming(false);
    setError(undefined);
    setOutcome(undefined);
    setProgress({ done: 0, total: 1 });
    try {
      setOutcome(await work(setProgress));
      onAnnounced();
    } catch (e) {
      setError(e);
    } finally {
      setProgress(undefined);
    }
  };

  return (
    <section aria-labelledby="smh-emergency-announce" data-testid="emergency-announce">
      <h3 id="smh-emergency-announce">{strings.EmergencyAnnounceHeading}</h3>
      <p>{strings.EmergencyAnnounceIntro}</p>
      {!service.channelConfigured && <Notice kind="warning">{strings.EmergencyNoChannel}</Notice>}
      <PrimaryButton text={strings.EmergencyAnnounce} onClick={() => setConfirming(true)} disabled={!!progress || !service.channelConfigured} data-testid="emergency-announce-button" />
      {progress && (
        <div data-testid="emergency-progress">
          <ProgressIndicator label={strings.EmergencyProgress} description={format(strings.EmergencyProgressCount, progress.done, progress.total)}
            percentComplete={progress.total ? progress.done / progress.total : 0} />
        </div>
      )}
      {error !== undefined && <ErrorBar error={error} />}
      {outcome?.problem && <Notice kind="error">{format(strings.EmergencyLogUnsaved, outcome.problem.message)}</Notice>}
      {outcome && <ActivationReport activation={outcome} busy={!!progress} testId="emergency-outcome" onRetry={() => void run((p) => service.retry(outcome, p))} />}
      <Dialog hidden={!confirming} onDismiss={() => setConfirming(false)} minWidth="min(440px, 90vw)" modalProps={{ isBlocking: true }}
        dialogContentProps={{ type: DialogType.normal, title: strings.EmergencyConfirmTitle }}>
        <p>{format(strings.EmergencyConfirmBody, people)}</p>
        <DialogFooter>
          <PrimaryButton text={strings.EmergencyConfirmSend} onClick={() => void run((p) => service.announce(plan, p))} />
          <DefaultButton text={strings.EmergencyCancel} onClick={() => setConfirming(false)} />
        </DialogFooter>
      </Dialog>
    </section>
  );
}

export function ActivationLogView({ entries, service, onRetried }: { entries: LoggedActivation[]; service?: EmergencyPlanService; onRetried(): void }): React.ReactElement {
  const [busy, setBusy] = React.useState<number | undefined>();
  const [error, setError] = React.useState<unknown>();
  return (
    <section aria-labelledby="smh-emergency-log" data-testid="emergency-log">
      <h3 id="smh-emergency-log">{strings.EmergencyLogHeading}</h3>
      <p>{strings.EmergencyLogIntro}</p>
      {error !== undefined && <ErrorBar error={error} />}
      {entries.length === 0 && <p>{strings.EmergencyLogNone}</p>}
      {entries.map((e, i) => (
        <article key={e.id} aria-labelledby={`smh-activation-${e.id}`} data-testid="emergency-log-entry">
          <h4 id={`smh-activation-${e.id}`}>{format(strings.EmergencyLogEntry, formatDateTime(e.at), e.by ?? strings.EmergencyLogSomeone)} {e.retryOf ? strings.EmergencyLogRetry : ''}</h4>
          <ActivationReport activation={e} testId={`emergency-log-${e.id}`} busy={busy === e.id}
            onRetry={i === 0 && service ? () => {
              setBusy(e.id);
              setError(undefined);
              service.retry(e).then(onRetried, setError).finally(() => setBusy(undefined));
            } : undefined} />
        </article>
      ))}
    </section>
  );
}
