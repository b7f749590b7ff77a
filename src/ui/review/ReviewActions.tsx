import * as React from 'react';
import { ChoiceGroup, type IChoiceGroupOption } from '@fluentui/react/lib/ChoiceGroup';
import { TextField } from '@fluentui/react/lib/TextField';
import { PrimaryButton } from '@fluentui/react/lib/Button';
import * as strings from 'SocialMediaHubWebPartStrings';
import { decisionReasonProblem, reviewMessageProblem } from '../../domain/requests';
import type { DecisionOutcome, ReviewOutcome } from '../../domain/trust';

// The form for one action: comms' review (three outcomes with a message) or the heads' decision
// (approve or reject with a reason). It checks as the person types with the domain's own rules, and
// keeps what they wrote when saving fails, so nothing is lost.

type Mode = 'review' | 'decide';

export interface ActionFormProps {
  mode: Mode;
  busy: boolean;
  onSubmit(outcome: ReviewOutcome | DecisionOutcome, text: string): void;
}

const REVIEW_OPTIONS = (): IChoiceGroupOption[] => [
  { key: 'To decision', text: strings.ReviewToDecision },
  { key: 'More information', text: strings.ReviewMoreInformation },
  { key: 'Reject', text: strings.ReviewReject }
];
const DECIDE_OPTIONS = (): IChoiceGroupOption[] => [
  { key: 'Approve', text: strings.DecideApprove },
  { key: 'Reject', text: strings.DecideReject }
];

export function ActionForm({ mode, busy, onSubmit }: ActionFormProps): React.ReactElement {
  const [outcome, setOutcome] = React.useState<string | undefined>();
  const [text, setText] = React.useState('');
  const [tried, setTried] = React.useState(false);
  const problem = outcome === undefined ? undefined
    : mode === 'review' ? reviewMessageProblem(outcome as ReviewOutcome, text) : decisionReasonProblem(outcome as DecisionOutcome, text);
  const submit = (): void => {
    setTried(true);
    if (outcome === undefined || problem) return;
    onSubmit(outcome as ReviewOutcome | DecisionOutcome, text);
  };
  return (
    <form onSubmit={(e) => { e.preventDefault(); submit(); }} noValidate aria-label={mode === 'review' ? strings.ReviewFormLabel : strings.DecideFormLabel}>
      <ChoiceGroup
        label={mode === 'review' ? strings.ReviewOutcomeLabel : strings.DecideOutcomeLabel} required
        options={mode === 'review' ? REVIEW_OPTIONS() : DECIDE_OPTIONS()} selectedKey={outcome ?? null}
        onChange={(_, o) => setOutcome(o ? String(o.key) : undefined)}
      />
      {tried && outcome === undefined && <p role="alert">{strings.ReviewChooseOutcome}</p>}
      <TextField
        label={mode === 'review' ? strings.ReviewMessageLabel : strings.DecideReasonLabel} multiline rows={4} value={text}
        onChange={(_, v) => setText(v ?? '')} errorMessage={tried || text ? problem : undefined}
        description={mode === 'review' ? strings.ReviewMessageHelp : strings.DecideReasonHelp}
      />
      <div style={{ marginTop: 12 }}>
        <PrimaryButton type="submit" text={busy ? strings.ReviewSaving : mode === 'review' ? strings.ReviewSend : strings.DecideSend} disabled={busy} />
      </div>
    </form>
  );
}
