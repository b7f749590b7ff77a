import * as React from 'react';
import { Spinner } from '@fluentui/react/lib/Spinner';
import { PrimaryButton, DefaultButton } from '@fluentui/react/lib/Button';
import { Dialog, DialogFooter, DialogType } from '@fluentui/react/lib/Dialog';
import { useTheme } from '@fluentui/react/lib/Theme';
import * as strings from 'SocialMediaHubWebPartStrings';
import type { RequestStatus } from '../../domain/trust';
import type { CommsNotified, HistoryEntry, MyRequest, RequestDetail, RequestsService } from '../../services/requestsService';
import { reasonText } from '../common/DeliveryReportView';
import { useAsync } from '../common/useAsync';
import { ErrorBar } from '../common/ErrorBar';
import { Notice } from '../common/Notice';
import { format, formatDate } from '../common/format';
import { reflowTableClass } from '../common/reflowTable';
import { requestStyles } from './requestStyles';
import { detailRows } from './detailRows';

// "My requests": each request with its status and dates, and one request with what it says now, its
// history (who and when as SharePoint recorded them) and what the requester may still do.

export function statusText(status: RequestStatus): string {
  switch (status) {
    case 'submitted': return strings.ReqStatusSubmitted;
    case 'more-information': return strings.ReqStatusMoreInformation;
    case 'awaiting-decision': return strings.ReqStatusAwaitingDecision;
    case 'approved': return strings.ReqStatusApproved;
    case 'rejected': return strings.ReqStatusRejected;
    case 'withdrawn': return strings.ReqStatusWithdrawn;
  }
}

const when = (iso: string): string => {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? '' : d.toLocaleString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit' });
};

export function MyRequestsList({ service, onOpen }: { service: RequestsService; onOpen(id: number): void }): React.ReactElement {
  const theme = useTheme();
  const s = requestStyles(theme);
  const [state, reload] = useAsync<MyRequest[]>(() => service.mine(), [service]);
  if (state.status === 'loading') return <Spinner label={strings.Loading} />;
  if (state.status === 'error') return <ErrorBar error={state.error} onRetry={reload} />;
  if (state.value.length === 0) return <p>{strings.ReqNoneYet}</p>;
  return (
    <table className={reflowTableClass(theme)} data-testid="my-requests">
      <thead><tr><th scope="col">{strings.ReqColRequest}</th><th scope="col">{strings.ReqColStatus}</th><th scope="col">{strings.ReqColSent}</th><th scope="col">{strings.ReqColChanged}</th></tr></thead>
      <tbody>
        {state.value.map((r) => (
          <tr key={r.id} data-request-id={r.id}>
            <td data-label={strings.ReqColRequest}><span><button type="button" className={s.link} onClick={() => onOpen(r.id)}>{r.title}</button></span></td>
            <td data-label={strings.ReqColStatus}><span>{statusText(r.status)}</span></td>
            <td data-label={strings.ReqColSent}><span>{formatDate(r.sent)}</span></td>
            <td data-label={strings.ReqColChanged}><span>{formatDate(r.lastChange)}</span></td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function historyLine(h: HistoryEntry): string {
  const who = h.by ?? strings.ReqSomeone;
  switch (h.kind) {
    case 'sent': return format(strings.ReqHistSent, who);
    case 'revised': return format(strings.ReqHistRevised, who);
    case 'withdrawn': return format(strings.ReqHistWithdrawn, who);
    case 'review': return format(h.outcome === 'To decision' ? strings.ReqHistReviewToDecision : h.outcome === 'More information' ? strings.ReqHistReviewMoreInformation : strings.ReqHistReviewReject, who);
    case 'decision': return format(h.outcome === 'Approve' ? strings.ReqHistDecisionApprove : strings.ReqHistDecisionReject, who);
  }
}

export interface RequestDetailProps {
  service: RequestsService;
  id: number;
  onBack(): void;
  onRevise(detail: RequestDetail): void;
  /** A message to show above the request (after sending or withdrawing). */
  banner?: React.ReactNode;
}

export function RequestDetailView({ service, id, onBack, onRevise, banner }: RequestDetailProps): React.ReactElement {
  const s = requestStyles(useTheme());
  const [state, reload] = useAsync<RequestDetail | undefined>(() => service.one(id), [service, id]);
  const [confirming, setConfirming] = React.useState(false);
  const [withdrawing, setWithdrawing] = React.useState(false);
  const [problem, setProblem] = React.useState<React.ReactNode>();
  // One id per withdrawal the person means: a retry after a failure is the same withdrawal.
  const withdrawalId = React.useRef<string>();
  const headingRef = React.useRef<HTMLHeadingElement>(null);

  const withdraw = async (): Promise<void> => {
    setConfirming(false);
    setWithdrawing(true);
    setProblem(undefined);
    withdrawalId.current ??= service.newSubmissionId();
    try {
      const outcome = await service.withdraw(id, withdrawalId.current);
      if (outcome.kind === 'closed') setProblem(<Notice kind="warning" urgent>{outcome.why}</Notice>);
      else setProblem(<WithdrawnNotice notified={outcome.kind === 'saved' ? outcome.notified : undefined} />);
      reload();
    } catch (e) {
      setProblem(<ErrorBar error={e} onRetry={() => void withdraw()} />);
    } finally {
      setWithdrawing(false);
    }
  };

  React.useEffect(() => { if (state.status === 'ready') headingRef.current?.focus(); }, [state.status]);

  const back = <button type="button" className={s.link} onClick={onBack}>{strings.ReqBack}</button>;
  if (state.status === 'loading') return <Spinner label={strings.Loading} />;
  if (state.status === 'error') return <div>{back}<ErrorBar error={state.error} onRetry={reload} /></div>;
  const r = state.value;
  if (!r) return <div>{back}<Notice kind="warning">{strings.ReqNotFound}</Notice></div>;
  return (
    <article data-testid="request-detail" data-request-id={r.id}>
      {back}
      {banner}
      {problem}
      <h3 className={s.titleHeading} ref={headingRef} tabIndex={-1}>{r.title}</h3>
      <p data-testid="request-status"><strong>{format(strings.ReqStatusLine, statusText(r.status))}</strong></p>
      {(r.actions.revise || r.actions.withdraw) ? (
        <div className={s.actions}>
          {r.actions.revise && r.details && <PrimaryButton text={strings.ReqRevise} onClick={() => onRevise(r)} disabled={withdrawing} />}
          {r.actions.withdraw && <DefaultButton text={strings.ReqWithdraw} onClick={() => setConfirming(true)} disabled={withdrawing} />}
          {withdrawing && <Spinner />}
        </div>
      ) : r.actions.why && <p className={s.meta}>{r.actions.why}</p>}
      <h4 className={s.subHeading}>{strings.ReqHistory}</h4>
      <ol className={s.history} data-testid="request-history">
        {r.history.map((h, i) => (
          <li key={i} className={s.historyItem}>
            <div>{historyLine(h)}</div>
            <div className={s.meta}>{when(h.at)}</div>
            {(h.kind === 'review' || h.kind === 'decision') && h.message && <p className={s.quote}>{h.message}</p>}
            {!h.counts && <div className={s.meta}>{strings.ReqHistNotCounted}</div>}
          </li>
        ))}
      </ol>
      <h4 className={s.subHeading}>{strings.ReqWhatItSays}</h4>
      {r.details ? (
        <dl className={s.details}>
          {detailRows(r.details).map(([label, value]) => (
            <React.Fragment key={label}><dt>{label}</dt><dd>{value}</dd></React.Fragment>
          ))}
        </dl>
      ) : <Notice kind="warning">{format(strings.ReqUnreadable, r.unreadable ?? '')}</Notice>}
      <Dialog hidden={!confirming} onDismiss={() => setConfirming(false)}
        dialogContentProps={{ type: DialogType.normal, title: strings.ReqWithdrawTitle, subText: strings.ReqWithdrawBody }}
        modalProps={{ isBlocking: true, isAlert: true }}>
        <DialogFooter>
          <PrimaryButton text={strings.ReqWithdrawConfirm} onClick={() => void withdraw()} />
          <DefaultButton text={strings.ReqCancel} onClick={() => setConfirming(false)} />
        </DialogFooter>
      </Dialog>
    </article>
  );
}

/** The withdrawal is saved; whether Teams took the notice to comms, honestly ("sent", or who could not be reached and why). */
function WithdrawnNotice({ notified }: { notified?: CommsNotified }): React.ReactElement {
  const sent = notified?.results.filter((r) => r.status === 'sent').length ?? 0;
  const notReachable = notified?.results.filter((r) => r.status !== 'sent') ?? [];
  return (
    <Notice kind="success">
      <span data-testid="request-withdrawn">{strings.ReqWithdrawn}</span>{' '}
      <span data-testid="withdraw-notified">
        {sent > 0 ? format(strings.WithdrawNotifySent, sent, notified!.recipients) : strings.WithdrawNotifyNone}
        {notReachable.length > 0 && ` ${format(strings.WithdrawNotifyNotReachable, notReachable.map((r) => `${r.name ?? r.recipient} (${reasonText(r)})`).join(', '))}`}
      </span>
    </Notice>
  );
}
