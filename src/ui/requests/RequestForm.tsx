import * as React from 'react';
import { TextField } from '@fluentui/react/lib/TextField';
import { Dropdown, type IDropdownOption } from '@fluentui/react/lib/Dropdown';
import { PrimaryButton, DefaultButton } from '@fluentui/react/lib/Button';
import { Spinner, SpinnerSize } from '@fluentui/react/lib/Spinner';
import { useTheme } from '@fluentui/react/lib/Theme';
import * as strings from 'SocialMediaHubWebPartStrings';
import { validateHashtag } from '../../domain/hashtags';
import { localDate, validateRequest, type FormProblem, type HashtagInput, type PersonInput, type RequestDraft, type RequestInput, type RequestKind, type StaffedHoursInput } from '../../domain/requests';
import type { RequestsService, SubmitOutcome } from '../../services/requestsService';
import type { AccountStaffing } from '../../services/ports/accounts';
import type { GateResult } from '../../services/acknowledgementGate';
import { GateNotice } from '../common/GateNotice';
import { Notice } from '../common/Notice';
import { ErrorBar } from '../common/ErrorBar';
import { PersonPicker } from '../common/PersonPicker';
import { format } from '../common/format';
import { savedAtText } from '../editor/draftStorage';
import { HashtagField, type TagCheckState } from './FormParts';
import { StaffedHoursEditor } from '../common/StaffedHoursEditor';
import { fieldId, focusTarget, formSpec, getAt, labelFor, setAt, type FieldSpec } from './formModel';
import { readDraft, removeDraft, writeDraft, type DraftPlace } from './requestDrafts';
import { requestStyles } from './requestStyles';

// One form for the four kinds (formModel.ts says which fields each has). Checked as the person goes
// with the domain's own messages, a field's problem shown once they leave it; on "send", every
// problem in a summary that takes focus. The draft is kept in this browser on every change and
// removed only once SharePoint has the request.

export interface RequestFormProps {
  service: RequestsService;
  kind: RequestKind;
  /** Where the person's draft lives. */
  place: Omit<DraftPlace, 'kind' | 'revisionOf'>;
  /** For a revision: the request as it says now (a stored draft of the revision wins). */
  revising?: RequestDraft;
  onSaved(outcome: Extract<SubmitOutcome, { kind: 'saved' }>): void;
  onCancel?(): void;
}

const TAG_CHECK_DELAY_MS = 400;

export function RequestForm({ service, kind, place, revising, onSaved, onCancel }: RequestFormProps): React.ReactElement {
  const s = requestStyles(useTheme());
  const where: DraftPlace = { ...place, kind, revisionOf: revising?.revisionOf ?? null };
  const [restored, setRestored] = React.useState<RequestDraft | undefined>(() => readDraft(where));
  const [draft, setDraft] = React.useState<RequestDraft>(() => restored ?? revising ?? service.startDraft(kind));
  const [touched, setTouched] = React.useState<ReadonlySet<string>>(() => new Set());
  const [attempted, setAttempted] = React.useState(false);
  const [saving, setSaving] = React.useState(false);
  const [failure, setFailure] = React.useState<unknown>();
  const [gate, setGate] = React.useState<GateResult>();
  const [closed, setClosed] = React.useState<string>();
  const [serverProblems, setServerProblems] = React.useState<FormProblem[]>();
  const [focusSummary, setFocusSummary] = React.useState(0);
  const summaryRef = React.useRef<HTMLDivElement>(null);

  const today = localDate(new Date());
  const checked = React.useMemo(() => validateRequest(draft.input, { today }), [draft.input, today]);
  const problems = serverProblems ?? (checked.ok ? [] : checked.problems);
  const error = (path: string): string | undefined =>
    touched.has(path) || attempted ? problems.find((p) => p.path === path)?.message : undefined;
  const touch = (path: string): void => setTouched((t) => (t.has(path) ? t : new Set([...t, path])));

  const update = (input: RequestInput): void => {
    setServerProblems(undefined);
    const next = { ...draft, input, savedAt: new Date().toISOString() };
    setDraft(next);
    // Written at once, not after a pause: a draft is a few kilobytes, and a reload straight after
    // typing must find the last words.
    writeDraft(where, next);
  };
  const set = (path: string, value: unknown): void => update(setAt(draft.input, path, value));

  React.useEffect(() => {
    if (focusSummary) summaryRef.current?.focus();
  }, [focusSummary]);

  // The register's clean check of the proposed hashtag, a moment after the person stops typing.
  const tag = 'hashtag' in draft.input ? draft.input.hashtag.tag : '';
  const [tagCheck, setTagCheck] = React.useState<TagCheckState>({ status: 'idle' });
  React.useEffect(() => {
    if (!tag || !validateHashtag(tag).ok) { setTagCheck({ status: 'idle' }); return undefined; }
    let live = true;
    const timer = setTimeout(() => {
      setTagCheck({ status: 'checking' });
      service.checkHashtag(tag).then(
        (result) => { if (live) setTagCheck(result ? { status: 'done', tag, result } : { status: 'idle' }); },
        () => { if (live) setTagCheck({ status: 'unavailable' }); }
      );
    }, TAG_CHECK_DELAY_MS);
    return () => { live = false; clearTimeout(timer); };
  }, [tag, service]);

  // Accounts for the account pickers (close an account, the campaign's account).
  const needsAccounts = kind === 'Close account' || kind === 'Paid campaign';
  const [accounts, setAccounts] = React.useState<AccountStaffing[]>();
  React.useEffect(() => {
    if (!needsAccounts) return undefined;
    let live = true;
    service.accounts().then((a) => { if (live) setAccounts(a); }, () => { if (live) setAccounts([]); });
    return () => { live = false; };
  }, [needsAccounts, service]);

  const submit = async (): Promise<void> => {
    setAttempted(true);
    setFailure(undefined);
    setGate(undefined);
    setClosed(undefined);
    if (!checked.ok) { setFocusSummary((n) => n + 1); return; }
    setSaving(true);
    try {
      const outcome = await service.submit(draft);
      if (outcome.kind === 'saved') {
        removeDraft(where);
        onSaved(outcome);
        return;
      }
      if (outcome.kind === 'gate') setGate(outcome.gate);
      else if (outcome.kind === 'closed') setClosed(outcome.why);
      else { setServerProblems(outcome.problems); setFocusSummary((n) => n + 1); }
    } catch (e) {
      // The draft and its submission id stay: sending again is the same request.
      setFailure(e);
    } finally {
      setSaving(false);
    }
  };

  const startAgain = (): void => {
    removeDraft(where);
    setRestored(undefined);
    setTouched(new Set());
    setAttempted(false);
    setServerProblems(undefined);
    setDraft(revising ?? service.startDraft(kind));
  };

  const renderField = (f: FieldSpec): React.ReactNode => {
    const common = { id: fieldId(f.path), label: f.label, required: f.required, disabled: saving, errorMessage: error(f.path), onBlur: () => touch(f.path) };
    const value = getAt(draft.input, f.path);
    switch (f.kind) {
      case 'choice': {
        const options: IDropdownOption[] = (f.choices ?? []).map((c) => ({ key: c, text: c }));
        return <Dropdown key={f.path} {...common} options={options} selectedKey={(value as string) || null} placeholder={strings.ReqChoose} className={s.narrowField}
          onChange={(_, o) => { touch(f.path); set(f.path, String(o?.key ?? '')); }} />;
      }
      case 'account': {
        const options: IDropdownOption[] = [
          ...(f.optional ? [{ key: '', text: strings.ReqNoAccount }] : []),
          ...(accounts ?? []).map((a) => ({ key: String(a.accountId), text: a.accountName }))
        ];
        return <Dropdown key={f.path} {...common} options={options} selectedKey={(value as string) ?? ''} placeholder={accounts ? strings.ReqChoose : strings.Loading}
          onChange={(_, o) => {
            touch(f.path);
            const id = String(o?.key ?? '');
            const input = setAt(draft.input, f.path, id);
            update(kind === 'Close account' ? setAt(input, 'accountName', o?.text ?? '') : input);
          }} />;
      }
      case 'person': {
        const touchBoth = (): void => { touch(`${f.path}.name`); touch(`${f.path}.email`); };
        return <PersonPicker key={f.path} id={fieldId(f.path)} label={f.label} required={f.required} disabled={saving} value={value as PersonInput}
          people={service.directory} errorMessage={error(`${f.path}.name`) ?? error(`${f.path}.email`)} onBlur={touchBoth} testId={`person-${f.path}`}
          onChange={(v) => { touchBoth(); set(f.path, v); }} />;
      }
      case 'staffedHours':
        return <StaffedHoursEditor key={f.path} label={f.label} profileLabel={strings.ReqProfileSaysSo} path={f.path} idFor={fieldId} value={value as StaffedHoursInput}
          onChange={(v) => set(f.path, v)} error={error} touch={touch} disabled={saving} />;
      case 'hashtag':
        return <HashtagField key={f.path} label={f.label} value={value as HashtagInput} onChange={(v) => set(f.path, v)} error={error} touch={touch} disabled={saving} check={tagCheck} />;
      default:
        return <TextField key={f.path} {...common} value={(value as string) ?? ''} multiline={f.kind === 'multiline'} autoAdjustHeight={f.kind === 'multiline'}
          rows={f.kind === 'multiline' ? 3 : undefined} type={f.kind === 'date' ? 'date' : f.kind === 'email' ? 'email' : undefined}
          inputMode={f.kind === 'number' ? 'decimal' : undefined} className={f.kind === 'date' || f.kind === 'number' ? s.narrowField : undefined}
          onChange={(_, v) => set(f.path, v ?? '')} />;
    }
  };

  const showSummary = attempted && problems.length > 0;
  return (
    <form className={s.form} noValidate onSubmit={(e) => { e.preventDefault(); void submit(); }} data-testid="request-form" data-kind={kind}>
      {restored && (
        <Notice kind="info" action={{ label: strings.ReqDraftDiscard, onClick: startAgain }}>
          {format(strings.ReqDraftRestored, savedAtText(restored.savedAt))}
        </Notice>
      )}
      {showSummary && (
        <div ref={summaryRef} tabIndex={-1} className={s.summary} data-testid="request-problems">
          <Notice kind="error">
            <strong>{format(problems.length === 1 ? strings.ReqProblemsOne : strings.ReqProblemsMany, problems.length)}</strong>
            <ul className={s.summaryList}>
              {problems.map((p, i) => (
                <li key={`${p.path}-${i}`}>
                  {/* A link to a place in the page (it wraps with the text, where a button would become a block on a phone). */}
                  <a href={`#${focusTarget(kind, p.path)}`} className={s.summaryLink} onClick={(e) => {
                    e.preventDefault();
                    const el = document.getElementById(focusTarget(kind, p.path));
                    el?.focus();
                    el?.scrollIntoView?.({ block: 'center' });
                  }}>{labelFor(kind, p.path)}</a>: {p.message}
                </li>
              ))}
            </ul>
          </Notice>
        </div>
      )}
      {formSpec(kind).map((section) => (
        <fieldset key={section.heading} className={s.section}>
          <legend className={s.legend}>{section.heading}</legend>
          {section.fields.map(renderField)}
        </fieldset>
      ))}
      <p className={s.note}>{strings.ReqDraftKeptNote}</p>
      {gate && <GateNotice result={gate} />}
      {closed && <Notice kind="warning" urgent>{closed}</Notice>}
      {failure !== undefined && <ErrorBar error={failure} onRetry={() => void submit()} />}
      <div className={s.actions}>
        <PrimaryButton type="submit" text={saving ? strings.ReqSubmitting : revising ? strings.ReqSubmitRevision : strings.ReqSubmit} disabled={saving} />
        {saving && <Spinner size={SpinnerSize.small} />}
        {onCancel && <DefaultButton text={strings.ReqCancel} onClick={onCancel} disabled={saving} />}
      </div>
    </form>
  );
}
