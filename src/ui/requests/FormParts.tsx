import * as React from 'react';
import { TextField } from '@fluentui/react/lib/TextField';
import * as strings from 'SocialMediaHubWebPartStrings';
import type { HashtagInput } from '../../domain/requests';
import type { CleanCheck } from '../../domain/hashtags';
import type { RegisteredTag } from '../../services/ports/hashtags';
import { Notice } from '../common/Notice';
import { format } from '../common/format';
import { fieldId } from './formModel';

// A field of the forms that is a group: a proposed hashtag with the requester's public check and the
// register's clean check. (When the account is watched: ../common/StaffedHoursEditor.)

export interface GroupProps<T> {
  value: T;
  onChange(value: T): void;
  /** The problem to show under a path (only once the person left the field or tried to send). */
  error(path: string): string | undefined;
  touch(path: string): void;
  disabled: boolean;
}

export type TagCheckState = { status: 'idle' } | { status: 'checking' } | { status: 'done'; tag: string; result: CleanCheck<RegisteredTag> } | { status: 'unavailable' };

export function HashtagField({ value, onChange, error, touch, disabled, label, check }: GroupProps<HashtagInput> & { label: string; check: TagCheckState }): React.ReactElement {
  const set = (key: keyof HashtagInput, v: string): void => onChange({ ...value, [key]: v });
  return (
    <fieldset style={{ border: 0, padding: 0, margin: '8px 0' }}>
      <legend style={{ position: 'absolute', width: 1, height: 1, overflow: 'hidden', clip: 'rect(0 0 0 0)' }}>{label}</legend>
      <TextField id={fieldId('hashtag.tag')} label={label} description={strings.ReqHashtagHelp} value={value.tag} disabled={disabled}
        errorMessage={error('hashtag.tag')} onChange={(_, v) => set('tag', v ?? '')} onBlur={() => touch('hashtag.tag')} />
      <div aria-live="polite" data-testid="hashtag-check">
        {check.status === 'checking' && <p>{strings.ReqHashtagChecking}</p>}
        {check.status === 'unavailable' && <Notice kind="info">{strings.ReqHashtagUnavailable}</Notice>}
        {check.status === 'done' && check.result.clean && <Notice kind="success">{format(strings.ReqHashtagClean, check.tag)}</Notice>}
        {check.status === 'done' && !check.result.clean && (
          <Notice kind="warning">
            <ul style={{ margin: 0, paddingLeft: 20 }}>
              {check.result.matches.map((m) => (
                <li key={m.registered.id}>
                  <strong>{m.comparison.kind === 'exact' ? strings.ReqHashtagMatchExact : m.registered.status === 'Retired' ? strings.ReqHashtagMatchRetired : strings.ReqHashtagMatchNear}:</strong> {m.message}
                </li>
              ))}
            </ul>
          </Notice>
        )}
      </div>
      {(
        <>
          <TextField id={fieldId('hashtag.checkedOn')} label={strings.ReqHashtagCheckedOn} type="date" value={value.checkedOn} disabled={disabled} required={value.tag !== ''}
            errorMessage={error('hashtag.checkedOn')} onChange={(_, v) => set('checkedOn', v ?? '')} onBlur={() => touch('hashtag.checkedOn')} styles={{ root: { maxWidth: 320 } }} />
          <TextField id={fieldId('hashtag.evidenceUrl')} label={strings.ReqHashtagEvidence} type="url" value={value.evidenceUrl} disabled={disabled} required={value.tag !== ''}
            errorMessage={error('hashtag.evidenceUrl')} onChange={(_, v) => set('evidenceUrl', v ?? '')} onBlur={() => touch('hashtag.evidenceUrl')} />
        </>
      )}
    </fieldset>
  );
}
