import * as React from 'react';
import { mergeStyleSets } from '@fluentui/react/lib/Styling';
import { useTheme } from '@fluentui/react/lib/Theme';
import { DefaultButton } from '@fluentui/react/lib/Button';
import * as strings from 'SocialMediaHubWebPartStrings';
import { commsMayReview, headsMayDecide } from '../../domain/requests';
import type { DecisionOutcome, ReviewOutcome } from '../../domain/trust';
import type { ActionResult, RequestCase, RequestReviewService } from '../../services/requestReviewService';
import { RequestMovedOnError } from '../../services/requestReviewService';
import { ErrorBar } from '../common/ErrorBar';
import { Notice } from '../common/Notice';
import { DeliveryReportView } from '../common/DeliveryReportView';
import { format, formatDate, formatDateTime } from '../common/format';
import { detailRows } from './detailRows';
import { ActionForm } from './ReviewActions';
import { statusText } from './status';

// One request as comms and the heads see it: what was asked, its history, and the action that is
// theirs to take. The client-made id of an action is kept until it is saved, so trying again after
// a failure can never record the action twice.

export interface RequestCaseViewProps {
  service: RequestReviewService;
  initial: RequestCase;
  canReview: boolean;
  canDecide: boolean;
  onBack(): void;
  onChanged(): void;
}

export function RequestCaseView({ service, initial, canReview, canDecide, onBack, onChanged }: RequestCaseViewProps): React.ReactElement {
  const theme = useTheme();
  const [c, setCase] = React.useState(initial);
  const [busy, setBusy] = React.useState(false);
  const [error, setError] = React.useState<unknown>();
  const [movedOn, setMovedOn] = React.useState<string | undefined>();
  const [result, setResult] = React.useState<ActionResult | undefined>();
  const [registerEntry, setRegisterEntry] = React.useState<{ id: number } | { problem: unknown } | 'none' | undefined>();
  const submissionId = React.useRef(service.newActionId());
  const heading = React.useRef<HTMLHeadingElement>(null);
  React.useEffect(() => { heading.current?.focus(); }, []);

  const isNewAccountApproved = c.status === 'approved' && c.details.ok && c.details.details.kind === 'New account';
  React.useEffect(() => {
    if (!isNewAccountApproved || registerEntry !== undefined) return;
    service.entryFor(c).then((e) => setRegisterEntry(e ?? 'none'), () => setRegisterEntry(undefined));
  }, [isNewAccountApproved, registerEntry, service, c]);

  const s = mergeStyleSets({
    title: { ...theme.fonts.large, fontWeight: 600, margin: '8px 0', selectors: { ':focus': { outline: 'none' } } },
    sub: { ...theme.fonts.mediumPlus, fontWeight: 600, margin: '16px 0 8px' },
    dl: { display: 'grid', gridTemplateColumns: 'minmax(140px, 30%) 1fr', gap: '6px 16px', margin: 0, selectors: { '@media (max-width: 600px)': { gridTemplateColumns: '1fr' } } },
    dt: { fontWeight: 600 },
    dd: { margin: 0, whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' },
    history: { paddingLeft: 20, selectors: { li: { marginBottom: 8 } } }
  });

  const act = async (kind: 'review' | 'decide', outcome: ReviewOutcome | DecisionOutcome, text: string): Promise<void> => {
    setBusy(true);
    setError(undefined);
    setMovedOn(undefined);
    try {
      const done = kind === 'review'
        ? await service.review(c, outcome as ReviewOutcome, text, submissionId.current)
        : await service.decide(c, outcome as DecisionOutcome, text, submissionId.current);
      submissionId.current = service.newActionId();
      setResult(done);
      setCase(done.now);
      if (done.register) setRegisterEntry('id' in done.register ? done.register : { problem: done.register.problem });
      onChanged();
    } catch (e) {
      if (e instanceof RequestMovedOnError) {
        submissionId.current = service.newActionId();
        setMovedOn(e.message);
        setCase(e.now);
        onChanged();
      } else {
        setError(e);
      }
    } finally {
      setBusy(false);
    }
  };

  const addToRegister = async (): Promise<void> => {
    setBusy(true);
    const added = await service.proposeInRegister(c);
    setRegisterEntry('id' in added ? added : { problem: added.problem });
    setBusy(false);
  };

  const requester = c.original.authorName ?? strings.ReviewSomeone;
  const history = [
    { at: c.original.created, text: format(strings.ReviewHistorySubmitted, requester) },
    ...c.revisions.counting.map((r) => ({ at: r.created, text: r.withdrawn ? format(strings.ReviewHistoryWithdrawn, requester) : format(strings.ReviewHistoryRevised, requester) })),
    ...c.reviews.counting.map((r) => ({ at: r.created, text: format(strings.ReviewHistoryReview, r.authorName ?? strings.ReviewSomeone, r.outcome, r.message) })),
    ...c.decisions.counting.map((d) => ({ at: d.created, text: format(strings.ReviewHistoryDecision, d.authorName ?? strings.ReviewSomeone, d.outcome, d.reason) }))
  ].sort((a, b) => a.at.localeCompare(b.at));

  return (
    <article aria-labelledby="smh-case-title" data-testid="request-case">
      <DefaultButton text={strings.ReviewBack} onClick={onBack} iconProps={{ iconName: 'Back' }} />
      <h2 id="smh-case-title" ref={heading} tabIndex={-1} className={s.title}>{c.title}</h2>
      <p data-testid="request-status">{format(strings.ReviewStatusLine, statusText(c.status), requester, formatDate(c.original.created))}</p>
      {movedOn && <Notice kind="warning">{movedOn}</Notice>}
      {result && (
        <>
          <Notice kind={result.counts ? 'success' : 'warning'}>
            {result.counts ? format(strings.ReviewSaved, statusText(result.now.status)) : format(strings.ReviewOvertaken, result.concurrent.map((r) => `${r.authorName ?? strings.ReviewSomeone}: ${r.outcome}`).join(', '), statusText(result.now.status))}
          </Notice>
          {result.notified.length > 0 && <DeliveryReportView report={{ recipients: result.notified.length, results: result.notified }} summaryTemplate={strings.ReviewNotifiedSummary} testId="review-notified" />}
        </>
      )}
      {isNewAccountApproved && registerEntry !== undefined && (
        registerEntry === 'none'
          ? <Notice kind="info" action={canReview ? { label: strings.ReviewAddToRegister, onClick: () => void addToRegister() } : undefined}>{strings.ReviewNotInRegister}</Notice>
          : 'id' in registerEntry
            ? <Notice kind="success">{format(strings.ReviewInRegister, c.details.ok && c.details.details.kind === 'New account' ? c.details.details.accountName : '')}</Notice>
            : <ErrorBar error={registerEntry.problem} onRetry={canReview ? () => void addToRegister() : undefined} />
      )}
      <h3 className={s.sub}>{strings.ReviewWhatIsAsked}</h3>
      {c.details.ok ? (
        <dl className={s.dl}>
          {detailRows(c.details.details).map((r) => <React.Fragment key={r.label}><dt className={s.dt}>{r.label}</dt><dd className={s.dd}>{r.value}</dd></React.Fragment>)}
        </dl>
      ) : <Notice kind="warning">{format(strings.ReviewUnreadable, c.details.reason)}</Notice>}
      <h3 className={s.sub}>{strings.ReviewHistory}</h3>
      <ol className={s.history}>{history.map((h, n) => <li key={n}><strong>{formatDateTime(h.at)}</strong>: {h.text}</li>)}</ol>
      {error !== undefined && <ErrorBar error={error} />}
      {canReview && commsMayReview(c) && (<><h3 className={s.sub}>{strings.ReviewYourReview}</h3><ActionForm mode="review" busy={busy} onSubmit={(o, t) => void act('review', o, t)} /></>)}
      {canDecide && headsMayDecide(c) && (<><h3 className={s.sub}>{strings.DecideYourDecision}</h3><ActionForm mode="decide" busy={busy} onSubmit={(o, t) => void act('decide', o, t)} /></>)}
    </article>
  );
}
