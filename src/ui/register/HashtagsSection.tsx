import * as React from 'react';
import { TextField } from '@fluentui/react/lib/TextField';
import { Dropdown } from '@fluentui/react/lib/Dropdown';
import { DefaultButton, PrimaryButton } from '@fluentui/react/lib/Button';
import { Spinner } from '@fluentui/react/lib/Spinner';
import { mergeStyleSets } from '@fluentui/react/lib/Styling';
import { useTheme } from '@fluentui/react/lib/Theme';
import * as strings from 'SocialMediaHubWebPartStrings';
import type { HashtagRegisterService, TagChangeOutcome } from '../../services/hashtagRegisterService';
import type { RegisteredTag } from '../../services/ports/hashtags';
import type { TagMatch, TagStatus } from '../../domain/hashtags';
import { useAsync } from '../common/useAsync';
import { ErrorBar } from '../common/ErrorBar';
import { Notice } from '../common/Notice';
import { format, formatDate } from '../common/format';
import { reflowTableClass } from '../common/reflowTable';

// The organisation's hashtags (PRODUCT.md C7), for everyone to read; comms (those SharePoint lets
// edit the list) add a tag after the clean check and retire or bring into use an existing one.

const STATUS_TEXT: Record<TagStatus, string> = { Proposed: strings.TagStatusProposed, 'In use': strings.TagStatusInUse, Retired: strings.TagStatusRetired };

export function HashtagsSection({ service }: { service: HashtagRegisterService }): React.ReactElement {
  const theme = useTheme();
  const [tags, reload, setTags] = useAsync(() => service.list(), [service]);
  const [rights] = useAsync(() => service.canEdit(), [service]);
  const canEdit = rights.status === 'ready' && rights.value;
  const [told, setTold] = React.useState<{ kind: 'success' | 'warning'; text: string } | undefined>();
  const [error, setError] = React.useState<unknown>();
  /** The tag whose account or campaign is being changed (one at a time). */
  const [editing, setEditing] = React.useState<number | undefined>();
  const s = mergeStyleSets({
    heading: { ...theme.fonts.large, fontWeight: 600, margin: '24px 0 4px' },
    intro: { margin: '0 0 8px' },
    subtle: { color: theme.semanticColors.bodySubtext }
  });
  const table = reflowTableClass(theme);

  const replace = (tag: RegisteredTag): void => {
    if (tags.status === 'ready') setTags(tags.value.map((t) => (t.id === tag.id ? tag : t)));
  };
  const change = async (tag: RegisteredTag, status: TagStatus): Promise<void> => {
    setError(undefined);
    setTold(undefined);
    try {
      const outcome = await service.setStatus(tag, status);
      if (outcome.kind === 'saved') { replace(outcome.tag); setTold({ kind: 'success', text: format(strings.TagChanged, tag.tag, STATUS_TEXT[status]) }); }
      if (outcome.kind === 'conflict') { replace(outcome.current); setTold({ kind: 'warning', text: format(strings.TagConflict, tag.tag, STATUS_TEXT[outcome.current.status]) }); }
      if (outcome.kind === 'gone') { reload(); setTold({ kind: 'warning', text: format(strings.TagGone, tag.tag) }); }
    } catch (e) {
      setError(e);
    }
  };

  return (
    <section aria-labelledby="smh-hashtags-heading" data-testid="hashtags">
      <h2 id="smh-hashtags-heading" className={s.heading}>{strings.TagHeading}</h2>
      <p className={s.intro}>{strings.TagIntro}</p>
      {canEdit && <AddTag service={service} onTry={() => setTold(undefined)} onAdded={(t) => { if (tags.status === 'ready') setTags([...tags.value, t]); setTold({ kind: 'success', text: format(strings.TagAdded, t.tag) }); }} />}
      {told && <div role="status"><Notice kind={told.kind}>{told.text}</Notice></div>}
      {error !== undefined && <ErrorBar error={error} />}
      {tags.status === 'loading' && <Spinner label={strings.Loading} />}
      {tags.status === 'error' && <ErrorBar error={tags.error} onRetry={reload} scope="site" />}
      {tags.status === 'ready' && (tags.value.length === 0 ? <Notice kind="info">{strings.TagNone}</Notice> : (
        <table className={table} role="table" data-testid="hashtags-table">
          <thead role="rowgroup">
            <tr role="row">
              <th scope="col" role="columnheader">{strings.TagColTag}</th>
              <th scope="col" role="columnheader">{strings.TagColStatus}</th>
              <th scope="col" role="columnheader">{strings.TagColUsedBy}</th>
              <th scope="col" role="columnheader">{strings.TagColAdded}</th>
              {canEdit && <th scope="col" role="columnheader">{strings.TagColActions}</th>}
            </tr>
          </thead>
          <tbody role="rowgroup">
            {tags.value.map((t) => (
              <tr key={t.id} role="row" data-tag={t.tag}>
                <td role="cell" data-label={strings.TagColTag}><div>{t.tag}</div></td>
                <td role="cell" data-label={strings.TagColStatus}><div>{STATUS_TEXT[t.status]}</div></td>
                <td role="cell" data-label={strings.TagColUsedBy}>
                  <div>
                    {canEdit && editing === t.id ? (
                      <UsedByEditor service={service} tag={t} onDone={(outcome) => {
                        if (outcome.kind === 'saved') { replace(outcome.tag); setEditing(undefined); setTold({ kind: 'success', text: format(strings.HashtagEditSaved, t.tag) }); }
                        if (outcome.kind === 'conflict') { replace(outcome.current); setTold({ kind: 'warning', text: format(strings.HashtagEditConflict, t.tag, outcome.current.usedBy || strings.HashtagEditNothing) }); }
                        if (outcome.kind === 'gone') { setEditing(undefined); reload(); setTold({ kind: 'warning', text: format(strings.TagGone, t.tag) }); }
                      }} onCancel={() => setEditing(undefined)} onTry={() => setTold(undefined)} />
                    ) : (t.usedBy || <span className={s.subtle}>{strings.RegisterDetailNotRecorded}</span>)}
                  </div>
                </td>
                <td role="cell" data-label={strings.TagColAdded}><div>{formatDate(t.created)}</div></td>
                {canEdit && (
                  <td role="cell" data-label={strings.TagColActions}>
                    <div>
                      {t.status === 'Proposed' && <DefaultButton text={strings.TagMarkInUse} ariaLabel={format(strings.TagMarkInUseLabel, t.tag)} onClick={() => void change(t, 'In use')} />}
                      {t.status !== 'Retired' && <DefaultButton text={strings.TagRetire} ariaLabel={format(strings.TagRetireLabel, t.tag)} onClick={() => void change(t, 'Retired')} />}
                      {editing !== t.id && <DefaultButton text={strings.HashtagEditButton} ariaLabel={format(strings.HashtagEditButtonLabel, t.tag)} onClick={() => { setTold(undefined); setEditing(t.id); }} />}
                    </div>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      ))}
    </section>
  );
}

function AddTag({ service, onAdded, onTry }: { service: HashtagRegisterService; onAdded(tag: RegisteredTag): void; onTry(): void }): React.ReactElement {
  const [tag, setTag] = React.useState('');
  const [usedBy, setUsedBy] = React.useState('');
  const [status, setStatus] = React.useState<TagStatus>('Proposed');
  const [problems, setProblems] = React.useState<{ tag?: string; usedBy?: string }>({});
  const [matches, setMatches] = React.useState<{ refused: boolean; list: TagMatch<RegisteredTag>[] } | undefined>();
  const [busy, setBusy] = React.useState(false);
  const [error, setError] = React.useState<unknown>();
  const s = mergeStyleSets({
    form: { display: 'flex', flexWrap: 'wrap', gap: '8px 12px', alignItems: 'flex-start', margin: '8px 0' },
    field: { flex: '1 1 180px', minWidth: 0 },
    button: { marginTop: 29 },
    list: { margin: '4px 0', paddingLeft: 20 }
  });
  const add = async (acceptNear: boolean): Promise<void> => {
    setBusy(true);
    setError(undefined);
    onTry();
    try {
      const outcome = await service.add({ tag, usedBy, status }, acceptNear);
      setProblems({});
      setMatches(undefined);
      if (outcome.kind === 'added') { onAdded(outcome.tag); setTag(''); setUsedBy(''); }
      if (outcome.kind === 'invalid') setProblems({ [outcome.field]: outcome.message });
      if (outcome.kind === 'refused' || outcome.kind === 'near') setMatches({ refused: outcome.kind === 'refused', list: outcome.matches });
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form aria-label={strings.TagAddLabel} onSubmit={(e) => { e.preventDefault(); void add(false); }} noValidate data-testid="hashtag-add">
      <div className={s.form}>
        <TextField className={s.field} label={strings.TagColTag} value={tag} placeholder="#LibraryWeek" errorMessage={problems.tag}
          onChange={(_, v) => { setTag(v ?? ''); setMatches(undefined); setProblems((p) => ({ ...p, tag: undefined })); }} />
        <TextField className={s.field} label={strings.TagColUsedBy} value={usedBy} errorMessage={problems.usedBy} onChange={(_, v) => setUsedBy(v ?? '')} />
        <Dropdown className={s.field} label={strings.TagColStatus} selectedKey={status} options={(['Proposed', 'In use'] as TagStatus[]).map((k) => ({ key: k, text: STATUS_TEXT[k] }))}
          onChange={(_, o) => o && setStatus(o.key as TagStatus)} />
        <PrimaryButton className={s.button} type="submit" text={strings.TagAdd} disabled={busy} />
      </div>
      {matches && (
        <div role="alert" data-testid="hashtag-matches">
          <Notice kind={matches.refused ? 'error' : 'warning'}>
            {matches.refused ? strings.TagRefused : strings.TagNear}
            <ul className={s.list}>{matches.list.map((m) => <li key={m.registered.id}>{m.message}</li>)}</ul>
          </Notice>
          {!matches.refused && <DefaultButton text={format(strings.TagAddAnyway, tag)} disabled={busy} onClick={() => void add(true)} />}
        </div>
      )}
      {error !== undefined && <ErrorBar error={error} onRetry={() => void add(false)} />}
    </form>
  );
}

/**
 * Comms change which account or campaign uses a tag, saved from the entry as they read it (its ETag).
 * When someone changed it in between, nothing is written: the row shows what is saved now and the box
 * keeps this person's words, to save again over the new version or cancel.
 */
function UsedByEditor({ service, tag, onDone, onCancel, onTry }: {
  service: HashtagRegisterService; tag: RegisteredTag; onDone(outcome: TagChangeOutcome): void; onCancel(): void; onTry(): void;
}): React.ReactElement {
  const [text, setText] = React.useState(tag.usedBy);
  const [problem, setProblem] = React.useState<string>();
  const [busy, setBusy] = React.useState(false);
  const [error, setError] = React.useState<unknown>();
  const save = async (): Promise<void> => {
    setBusy(true);
    setError(undefined);
    onTry();
    try {
      // `tag` is the row as it is now: after a conflict, the version just read, so saving again is deliberate.
      const outcome = await service.setUsedBy(tag, text);
      if (outcome.kind === 'invalid') setProblem(outcome.message);
      else { setProblem(undefined); onDone(outcome); }
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form onSubmit={(e) => { e.preventDefault(); void save(); }} noValidate data-testid="hashtag-usedby-edit" style={{ display: 'grid', gap: 4 }}>
      <TextField label={format(strings.HashtagEditField, tag.tag)} value={text} errorMessage={problem} autoFocus onChange={(_, v) => { setText(v ?? ''); setProblem(undefined); }} />
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8 }}>
        <PrimaryButton type="submit" text={strings.HashtagEditSave} disabled={busy} />
        <DefaultButton text={strings.HashtagEditCancel} disabled={busy} onClick={onCancel} />
      </div>
      {error !== undefined && <ErrorBar error={error} onRetry={() => void save()} />}
    </form>
  );
}
