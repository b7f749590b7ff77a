import * as React from 'react';
import { Toggle } from '@fluentui/react/lib/Toggle';
import { useTheme } from '@fluentui/react/lib/Theme';
import * as strings from 'SocialMediaHubWebPartStrings';
import { DEFAULT_POLICY, nextVersion, versionLabel, type PolicyProblem } from '../../domain/policy';
import { AppError } from '../../domain/errors';
import { pageWithVersion, type PolicyPage } from '../../services/policyService';
import type { PolicyPublisher, PublishResult } from '../../services/policyPublisher';
import { useServices } from '../common/ServicesContext';
import { ErrorBar } from '../common/ErrorBar';
import { Notice } from '../common/Notice';
import { format } from '../common/format';
import { PolicyContentView } from '../policy/PolicyView';
import { allIds, fromContent, newId, toContent, type EditorContent, type EditorDraft } from './editorContent';
import { draftKey, findDraft, savedAtText, type FoundDraft } from './draftStorage';
import { useDraftAutosave } from './useDraftAutosave';
import { editorStyles } from './editorStyles';
import type { FieldFeedback } from './fieldFeedback';
import { messageFor } from './problems';
import { NamesFields } from './NamesFields';
import { SectionsEditor } from './SectionsEditor';
import { ItemsEditor } from './ItemsEditor';
import { LinksEditor } from './LinksEditor';
import { PublishFields } from './PublishFields';
import { ProblemSummary } from './ProblemSummary';
import { PublishBar, PUBLISH_DETAILS_ID } from './PublishBar';
import { ConfirmMajorDialog, type MajorVersionReach } from './ConfirmMajorDialog';

export interface PolicyEditorFormProps {
  page: PolicyPage;
  publisher: PolicyPublisher;
  onPublished(result: PublishResult): void;
  /** Loads the version in force again (after someone else published). */
  onReloadPage(): void;
  /** Counts for the confirmation before a major version. */
  reach?: MajorVersionReach;
}

/**
 * The problems a PolicyValidationError carries. Read by shape rather than instanceof, so this view
 * does not pull the publisher module (and its dependencies) into its own chunk.
 */
function validationProblems(e: unknown): PolicyProblem[] | undefined {
  const problems = e instanceof AppError && e.kind === 'validation' ? (e as { problems?: unknown }).problems : undefined;
  return Array.isArray(problems) && problems.length > 0 ? (problems as PolicyProblem[]) : undefined;
}

function startingDraft(page: PolicyPage): EditorDraft {
  // Before set-up seeded a policy there is nothing in force: start from the product's default text.
  return { content: fromContent(page.policy?.content ?? DEFAULT_POLICY, page.placeholders), kind: 'minor', changeSummary: '' };
}

/** The editor itself, for one version in force: draft state, validation, preview and publishing. */
export function PolicyEditorForm({ page, publisher, onPublished, onReloadPage, reach }: PolicyEditorFormProps): React.ReactElement {
  const s = editorStyles(useTheme());
  const { host } = useServices();
  const basedOn = page.policy;
  const basedOnId = basedOn?.id ?? 0;
  const [restored, setRestored] = React.useState<FoundDraft | undefined>(() => findDraft(host.siteUrl, host.user.loginName, basedOnId));
  const [draft, setDraft] = React.useState<EditorDraft>(() => restored?.draft ?? startingDraft(page));
  const [dirty, setDirty] = React.useState(!!restored);
  const [attempted, setAttempted] = React.useState(0);
  const [touched, setTouched] = React.useState<ReadonlySet<string>>(new Set());
  const [serverProblems, setServerProblems] = React.useState<PolicyProblem[]>([]);
  const [busy, setBusy] = React.useState(false);
  const [error, setError] = React.useState<unknown>();
  const [preview, setPreview] = React.useState(false);
  const [confirming, setConfirming] = React.useState(false);
  const summaryRef = React.useRef<HTMLDivElement>(null);

  const { forget } = useDraftAutosave(draft, dirty, {
    key: draftKey(host.siteUrl, host.user.loginName, basedOnId),
    basedOnId: restored?.draft.basedOnId ?? basedOnId,
    basedOnLabel: restored?.draft.basedOnLabel ?? basedOn?.label ?? '',
    replaces: restored?.key
  });

  const content = React.useMemo(() => toContent(draft.content), [draft.content]);
  // Checked as the publisher would store it (rich text sanitised), so what is shown is what counts.
  const checked = React.useMemo(() => publisher.check(content, draft.changeSummary), [publisher, content, draft.changeSummary]);
  const problems = checked.length > 0 ? checked : serverProblems;
  const next = nextVersion(basedOn, draft.kind);
  const nextLabel = versionLabel(next.major, next.minor);

  React.useEffect(() => {
    if (attempted > 0) summaryRef.current?.focus();
  }, [attempted]);

  const change = (patch: Partial<EditorDraft>): void => {
    setDraft((d) => ({ ...d, ...patch }));
    setDirty(true);
    setServerProblems([]);
  };
  const changeContent = (patch: Partial<EditorContent>): void => {
    setDraft((d) => ({ ...d, content: { ...d.content, ...patch } }));
    setDirty(true);
    setServerProblems([]);
  };
  const freshId = (prefix: string): string => newId(prefix, allIds(draft.content));

  const feedback: FieldFeedback = {
    // Problems show once a field was left or a publish was tried, not while someone is still typing.
    error: (path) => (attempted > 0 || touched.has(path) ? messageFor(problems, path) : undefined),
    touch: (path) => setTouched((t) => (t.has(path) ? t : new Set(t).add(path))),
    disabled: busy
  };

  const discard = (): void => {
    forget();
    setDraft(startingDraft(page));
    setDirty(false);
    setRestored(undefined);
    setAttempted(0);
    setTouched(new Set());
    setServerProblems([]);
    setError(undefined);
  };

  const publish = async (confirmed = false): Promise<void> => {
    setError(undefined);
    if (checked.length > 0) {
      setPreview(false);
      setAttempted((n) => n + 1);
      return;
    }
    if (draft.kind === 'major' && !confirmed) {
      setConfirming(true);
      return;
    }
    setConfirming(false);
    setBusy(true);
    try {
      const result = await publisher.publish({ content, kind: draft.kind, changeSummary: draft.changeSummary, basedOn });
      // Published: the draft has done its job. Nothing may write it back as this form closes.
      setDirty(false);
      forget();
      onPublished(result);
    } catch (e) {
      const found = validationProblems(e);
      if (found) {
        setServerProblems(found);
        setPreview(false);
        setAttempted((n) => n + 1);
      } else {
        setError(e);
      }
      setBusy(false);
    }
  };

  const conflict = error instanceof AppError && error.kind === 'conflict';
  const previewPage = pageWithVersion(page, {
    id: basedOnId, major: next.major, minor: next.minor, label: nextLabel, isMajor: draft.kind === 'major',
    changeSummary: draft.changeSummary.trim() || undefined, content
  });

  return (
    <div className={s.root}>
      <div className={s.bar}>
        <h2 className={s.title}>{strings.EditorHeading}</h2>
        <Toggle label={strings.EditorPreview} inlineLabel checked={preview} disabled={busy} onChange={(_, on) => setPreview(!!on)} />
      </div>
      {restored && (
        <Notice kind={restored.stale ? 'warning' : 'info'} action={{ label: strings.EditorDiscardDraft, onClick: discard }}>
          {restored.stale
            ? format(strings.EditorDraftStale, savedAtText(restored.draft.savedAt), restored.draft.basedOnLabel, basedOn?.label ?? '')
            : format(strings.EditorDraftRestored, savedAtText(restored.draft.savedAt))}
        </Notice>
      )}
      <div ref={summaryRef} tabIndex={-1} style={{ outline: 'none' }}>
        {attempted > 0 && <ProblemSummary problems={problems} />}
      </div>
      {error !== undefined && (conflict
        ? <Notice kind="error" action={{ label: strings.EditorReloadPolicy, onClick: onReloadPage }}>{(error as AppError).message}</Notice>
        : <ErrorBar error={error} onRetry={() => { void publish(true); }} />)}

      {preview ? (
        <>
          <Notice kind="info">{format(strings.EditorPreviewNotice, nextLabel)}</Notice>
          <PolicyContentView page={previewPage} />
        </>
      ) : (
        <form aria-label={strings.EditorHeading} onSubmit={(e) => e.preventDefault()}>
          <NamesFields names={draft.content.names} onChange={(names) => changeContent({ names })} feedback={feedback} />
          <SectionsEditor sections={draft.content.sections} onChange={(sections) => changeContent({ sections })} newId={freshId} feedback={feedback} />
          <ItemsEditor path="dos" heading={strings.EditorDosHeading} items={draft.content.dos} onChange={(dos) => changeContent({ dos })} newId={freshId} feedback={feedback} />
          <ItemsEditor path="donts" heading={strings.EditorDontsHeading} items={draft.content.donts} onChange={(donts) => changeContent({ donts })} newId={freshId} feedback={feedback} />
          <LinksEditor links={draft.content.links} onChange={(links) => changeContent({ links })} newId={freshId} feedback={feedback} />
        </form>
      )}

      <section className={s.publish} aria-label={strings.EditorPublishHeading} id={PUBLISH_DETAILS_ID} tabIndex={-1}>
        <PublishFields
          kind={draft.kind} onKind={(kind) => change({ kind })} changeSummary={draft.changeSummary}
          onChangeSummary={(changeSummary) => change({ changeSummary })} nextLabel={nextLabel} feedback={feedback}
        />
      </section>
      <PublishBar content={draft.content} nextLabel={nextLabel} busy={busy} previewing={preview} onPublish={() => { void publish(); }} />
      <ConfirmMajorDialog
        open={confirming} label={nextLabel} countAudience={reach?.countAudience} countOwners={reach?.countOwners}
        onConfirm={() => { void publish(true); }} onCancel={() => setConfirming(false)}
      />
    </div>
  );
}
