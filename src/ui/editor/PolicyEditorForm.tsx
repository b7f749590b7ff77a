import * as React from 'react';
import { Toggle } from '@fluentui/react/lib/Toggle';
import { DefaultButton, PrimaryButton } from '@fluentui/react/lib/Button';
import { Dialog, DialogFooter, DialogType } from '@fluentui/react/lib/Dialog';
import { Spinner } from '@fluentui/react/lib/Spinner';
import { useTheme } from '@fluentui/react/lib/Theme';
import * as strings from 'SocialMediaHubWebPartStrings';
import { DEFAULT_POLICY, namesFor, nextVersion, versionLabel, type PolicyContent, type PolicyProblem, type PolicyVersion } from '../../domain/policy';
import { AppError } from '../../domain/errors';
import { pageWithVersion, type PolicyPage } from '../../services/policyService';
import type { PolicyPublisher, PublishResult } from '../../services/policyPublisher';
import { useServices } from '../common/ServicesContext';
import { ErrorBar } from '../common/ErrorBar';
import { Notice } from '../common/Notice';
import { format } from '../common/format';
import { PolicyContentView } from '../policy/PolicyView';
import { allIds, fromContent, newId, toContent, type EditorContent, type EditorDraft } from './editorContent';
import { discardDrafts, draftKey, findDraft, savedAtText, type FoundDraft } from './draftStorage';
import { MergeView } from './MergeView';
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
  /** Loads the version in force and opens the three-way view on this draft (after a conflict). */
  onReviewConflict?(): void;
  /** Open the three-way view at once when the draft was started from an older version. */
  reviewOnOpen?: boolean;
}

/** The three versions the three-way view compares, once loaded. */
type Merging = { status: 'loading' } | { status: 'ready'; base: PolicyContent; baseLabel: string } | { status: 'error'; error: unknown };

const EMPTY: PolicyContent = { sections: [], dos: [], donts: [], links: [] };

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

/** The version in force a conflict names, read by shape (see validationProblems). */
function conflictInForce(e: unknown): { id: number; label: string } | undefined {
  const inForce = e instanceof AppError && e.kind === 'conflict' ? (e as { inForce?: unknown }).inForce : undefined;
  return inForce && typeof (inForce as { id?: unknown }).id === 'number' ? (inForce as { id: number; label: string }) : undefined;
}

/** The editor itself, for one version in force: draft state, validation, preview and publishing. */
export function PolicyEditorForm({ page, publisher, onPublished, onReloadPage, reach, onReviewConflict, reviewOnOpen }: PolicyEditorFormProps): React.ReactElement {
  const s = editorStyles(useTheme());
  const services = useServices();
  const { host } = services;
  const basedOn = page.policy;
  const basedOnId = basedOn?.id ?? 0;
  const [restored, setRestored] = React.useState<FoundDraft | undefined>(() => findDraft(host.siteUrl, host.user.loginName, basedOnId));
  // The version the draft's text really started from: an older one for a draft restored after
  // someone published. Publishing is based on it, so the publisher refuses what would undo their change.
  const [draftBase, setDraftBase] = React.useState(() => (restored
    ? { id: restored.draft.basedOnId, label: restored.draft.basedOnLabel }
    : { id: basedOnId, label: basedOn?.label ?? '' }));
  const stale = draftBase.id !== basedOnId;
  const [merging, setMerging] = React.useState<Merging | undefined>();
  const [merged, setMerged] = React.useState(false);
  const [confirmLoad, setConfirmLoad] = React.useState(false);
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
    basedOnId: draftBase.id,
    basedOnLabel: draftBase.label,
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

  /** Loads the version the draft started from, for the three-way view. */
  const review = React.useCallback((): void => {
    setMerging({ status: 'loading' });
    setPreview(false);
    const names = { organisation: page.settings.organisationName, commsHead: page.settings.commsHeadName };
    const load = (): Promise<PolicyVersion | undefined> => (draftBase.id > 0 ? services.policy.getVersion(draftBase.id) : Promise.resolve(undefined));
    // A loader that throws before it even starts is as failed as one that rejects.
    Promise.resolve().then(load).then(
      (v) => setMerging({ status: 'ready', base: v ? { ...v.content, names: namesFor(v.content, names) } : EMPTY, baseLabel: v?.label ?? draftBase.label }),
      (e: unknown) => setMerging({ status: 'error', error: e })
    );
  }, [draftBase, page.settings, services.policy]);

  const opened = React.useRef(false);
  React.useEffect(() => {
    if (reviewOnOpen && stale && !opened.current) {
      opened.current = true;
      review();
    }
  }, [reviewOnOpen, stale, review]);

  /** The merged text becomes the draft, now based on the version in force. */
  const takeMerged = (merge: PolicyContent): void => {
    setDraft((d) => ({ ...d, content: fromContent(merge, { organisation: merge.names?.organisation ?? '', commsHead: merge.names?.commsHead ?? '' }) }));
    setDirty(true);
    setDraftBase({ id: basedOnId, label: basedOn?.label ?? '' });
    setMerging(undefined);
    setMerged(true);
    setError(undefined);
    setServerProblems([]);
  };

  const discard = (): void => {
    forget();
    // Every draft this person kept for this version or an older one: none may come back on reload.
    discardDrafts(host.siteUrl, host.user.loginName, Math.max(basedOnId, conflictInForce(error)?.id ?? 0));
    setDraftBase({ id: basedOnId, label: basedOn?.label ?? '' });
    setMerging(undefined);
    setMerged(false);
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
    if (stale) {
      // Not publishable until its author has seen what changed since the draft's base.
      review();
      return;
    }
    if (draft.kind === 'major' && !confirmed) {
      setConfirming(true);
      return;
    }
    setConfirming(false);
    setBusy(true);
    try {
      const result = await publisher.publish({ content, kind: draft.kind, changeSummary: draft.changeSummary, basedOn: basedOn && { ...basedOn, id: draftBase.id } });
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
  const inForceNow = conflictInForce(error);
  /** "Load the version in force", confirmed: the draft goes, and the editor starts from what is in force. */
  const loadInForce = (): void => {
    setConfirmLoad(false);
    const outdated = conflict;
    discard();
    if (outdated) onReloadPage();
  };
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
      {merged && <Notice kind="success">{format(strings.EditorMerged, basedOn?.label ?? '')}</Notice>}
      {restored && !merged && !merging && (stale ? (
        <>
          <Notice kind="warning" action={{ label: strings.EditorReviewChanges, onClick: review }}>
            {format(strings.EditorDraftStale, savedAtText(restored.draft.savedAt), draftBase.label, basedOn?.label ?? '')}
          </Notice>
          <DefaultButton text={strings.EditorReloadPolicy} onClick={() => setConfirmLoad(true)} />
        </>
      ) : (
        <Notice kind="info" action={{ label: strings.EditorDiscardDraft, onClick: discard }}>
          {format(strings.EditorDraftRestored, savedAtText(restored.draft.savedAt))}
        </Notice>
      ))}
      <div ref={summaryRef} tabIndex={-1} style={{ outline: 'none' }}>
        {attempted > 0 && <ProblemSummary problems={problems} />}
      </div>
      {error !== undefined && (conflict ? (
        <>
          <Notice kind="error" action={onReviewConflict ? { label: strings.EditorReviewChanges, onClick: onReviewConflict } : undefined}>{(error as AppError).message}</Notice>
          <DefaultButton text={strings.EditorReloadPolicy} onClick={() => setConfirmLoad(true)} />
        </>
      ) : <ErrorBar error={error} onRetry={() => { void publish(true); }} />)}
      <Dialog
        hidden={!confirmLoad} onDismiss={() => setConfirmLoad(false)} minWidth="min(440px, 90vw)" modalProps={{ isBlocking: true }}
        dialogContentProps={{ type: DialogType.normal, title: strings.EditorLoadConfirmTitle, subText: format(strings.EditorLoadConfirmText, inForceNow?.label ?? basedOn?.label ?? '') }}
      >
        <DialogFooter>
          <PrimaryButton text={strings.EditorLoadConfirmYes} onClick={loadInForce} />
          <DefaultButton text={strings.EditorLoadConfirmNo} onClick={() => setConfirmLoad(false)} />
        </DialogFooter>
      </Dialog>

      {merging ? (
        merging.status === 'loading' ? <Spinner label={strings.EditorLoadingVersions} />
          : merging.status === 'error' ? <ErrorBar error={merging.error} onRetry={review} />
            : (
              <MergeView
                baseLabel={merging.baseLabel} publishedLabel={basedOn?.label ?? ''} base={merging.base} theirs={content}
                published={basedOn ? { ...basedOn.content, names: page.placeholders } : EMPTY}
                onUse={takeMerged} onCancel={() => setMerging(undefined)}
              />
            )
      ) : preview ? (
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

      {merging?.status !== 'ready' && (
        <>
          <section className={s.publish} aria-label={strings.EditorPublishHeading} id={PUBLISH_DETAILS_ID} tabIndex={-1}>
            <PublishFields
              kind={draft.kind} onKind={(kind) => change({ kind })} changeSummary={draft.changeSummary}
              onChangeSummary={(changeSummary) => change({ changeSummary })} nextLabel={nextLabel} feedback={feedback}
            />
          </section>
          <PublishBar content={draft.content} nextLabel={nextLabel} busy={busy} previewing={preview} onPublish={() => { void publish(); }} />
        </>
      )}
      <ConfirmMajorDialog
        open={confirming} label={nextLabel} countAudience={reach?.countAudience} countOwners={reach?.countOwners}
        onConfirm={() => { void publish(true); }} onCancel={() => setConfirming(false)}
      />
    </div>
  );
}
