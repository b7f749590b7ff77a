import * as React from 'react';
import { TextField } from '@fluentui/react/lib/TextField';
import { Dropdown, type IDropdownOption } from '@fluentui/react/lib/Dropdown';
import { Checkbox } from '@fluentui/react/lib/Checkbox';
import { DefaultButton } from '@fluentui/react/lib/Button';
import { useTheme } from '@fluentui/react/lib/Theme';
import * as strings from 'SocialMediaHubWebPartStrings';
import { WEEKDAYS, type HashtagInput, type StaffedHoursInput } from '../../domain/requests';
import type { CleanCheck } from '../../domain/hashtags';
import type { RegisteredTag } from '../../services/ports/hashtags';
import { Notice } from '../common/Notice';
import { format } from '../common/format';
import { fieldId } from './formModel';

// The two fields of the forms that are groups: when the account is watched, and a proposed hashtag
// with the requester's public check and the register's clean check.

export interface GroupProps<T> {
  value: T;
  onChange(value: T): void;
  /** The problem to show under a path (only once the person left the field or tried to send). */
  error(path: string): string | undefined;
  touch(path: string): void;
  disabled: boolean;
}

export function StaffedHoursField({ value, onChange, error, touch, disabled, label }: GroupProps<StaffedHoursInput> & { label: string }): React.ReactElement {
  const setSlot = (i: number, key: 'day' | 'from' | 'to', v: string): void => onChange({ ...value, slots: value.slots.map((s, j) => (j === i ? { ...s, [key]: v } : s)) });
  const dayOptions: IDropdownOption[] = WEEKDAYS.map((d) => ({ key: d, text: d }));
  const slotsError = error('staffedHours.slots');
  const theme = useTheme();
  return (
    <fieldset style={{ border: 0, padding: 0, margin: '8px 0' }}>
      <legend style={{ fontWeight: 600, padding: 0 }}>{label}</legend>
      <Checkbox id={fieldId('staffedHours.allHours')} label={strings.ReqAllHours} checked={value.allHours} disabled={disabled}
        onChange={(_, c) => onChange({ ...value, allHours: !!c })} />
      {!value.allHours && (
        <div>
          {value.slots.map((s, i) => (
            <div key={i} role="group" aria-label={format(strings.ReqSlot, i + 1)} style={{ display: 'flex', flexWrap: 'wrap', gap: 8, alignItems: 'flex-start', marginTop: 8 }}>
              <Dropdown id={fieldId(`staffedHours.slots.${i}.day`)} label={strings.ReqSlotDay} ariaLabel={`${format(strings.ReqSlot, i + 1)}: ${strings.ReqSlotDay}`} options={dayOptions} selectedKey={s.day || null}
                placeholder={strings.ReqChoose} styles={{ root: { width: 110 } }} disabled={disabled} errorMessage={error(`staffedHours.slots.${i}.day`)}
                onChange={(_, o) => setSlot(i, 'day', String(o?.key ?? ''))} onBlur={() => touch(`staffedHours.slots.${i}.day`)} />
              <TextField id={fieldId(`staffedHours.slots.${i}.from`)} label={strings.ReqSlotFrom} ariaLabel={`${format(strings.ReqSlot, i + 1)}: ${strings.ReqSlotFrom}`} type="time" value={s.from} styles={{ root: { width: 130 } }}
                disabled={disabled} errorMessage={error(`staffedHours.slots.${i}.from`)} onChange={(_, v) => setSlot(i, 'from', v ?? '')} onBlur={() => touch(`staffedHours.slots.${i}.from`)} />
              <TextField id={fieldId(`staffedHours.slots.${i}.to`)} label={strings.ReqSlotTo} ariaLabel={`${format(strings.ReqSlot, i + 1)}: ${strings.ReqSlotTo}`} type="time" value={s.to} styles={{ root: { width: 130 } }}
                disabled={disabled} errorMessage={error(`staffedHours.slots.${i}.to`)} onChange={(_, v) => setSlot(i, 'to', v ?? '')} onBlur={() => touch(`staffedHours.slots.${i}.to`)} />
              <DefaultButton text={format(strings.ReqRemoveSlot, i + 1)} disabled={disabled} styles={{ root: { marginTop: 29 } }}
                onClick={() => onChange({ ...value, slots: value.slots.filter((_, j) => j !== i) })} />
            </div>
          ))}
          <DefaultButton text={strings.ReqAddSlot} disabled={disabled} styles={{ root: { marginTop: 8 } }}
            onClick={() => { touch('staffedHours.slots'); onChange({ ...value, slots: [...value.slots, { day: '', from: '09:00', to: '17:00' }] }); }} />
          {/* Said like Fluent says a field's problem: the theme's error colour, small, under the control. */}
          {slotsError && <p role="alert" style={{ fontSize: theme.fonts.small.fontSize, color: theme.semanticColors.errorText, margin: '4px 0' }} data-field-error="staffedHours.slots">{slotsError}</p>}
        </div>
      )}
      <Checkbox id={fieldId('staffedHours.profileWillSaySo')} label={strings.ReqProfileSaysSo} checked={value.profileWillSaySo} disabled={disabled}
        styles={{ root: { marginTop: 8 } }} onChange={(_, c) => onChange({ ...value, profileWillSaySo: !!c })} />
    </fieldset>
  );
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
