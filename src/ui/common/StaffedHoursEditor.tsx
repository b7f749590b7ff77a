import * as React from 'react';
import { TextField } from '@fluentui/react/lib/TextField';
import { Dropdown, type IDropdownOption } from '@fluentui/react/lib/Dropdown';
import { Checkbox } from '@fluentui/react/lib/Checkbox';
import { DefaultButton } from '@fluentui/react/lib/Button';
import { useTheme } from '@fluentui/react/lib/Theme';
import * as strings from 'SocialMediaHubWebPartStrings';
import { WEEKDAYS, type HoursSlotInput, type StaffedHoursInput } from '../../domain/requests';
import { format } from './format';

// The weekly staffed-hours editor, for the new-account form and the owners' account updates: around
// the clock, or slots of a day each; whether the profile says so. It edits the request's shape
// (src/domain/hours converts to the register's JSON). Problems come from the domain's one check, by
// path below `path` ('staffedHours.slots.1.to'), each shown beside its control.

export interface StaffedHoursEditorProps {
  value: StaffedHoursInput;
  onChange(value: StaffedHoursInput): void;
  /** The legend of the group. */
  label: string;
  /** The profile checkbox's words (a request says what it will say, an update what it says). */
  profileLabel: string;
  /** The value's path in its form: problem paths and ids hang below it. */
  path: string;
  /** The DOM id for a path (a problem summary takes focus there). */
  idFor(path: string): string;
  /** The problem to show under a path, if it is time to show it. */
  error(path: string): string | undefined;
  touch(path: string): void;
  disabled?: boolean;
}

const DAY_OPTIONS: IDropdownOption[] = WEEKDAYS.map((d) => ({ key: d, text: d }));

/** A new slot: the day after the last one with its times (a week is a few clicks); the first one asks for its day. */
export function nextSlot(slots: readonly HoursSlotInput[]): HoursSlotInput {
  const last = slots[slots.length - 1];
  if (!last) return { day: '', from: '09:00', to: '17:00' };
  const at = WEEKDAYS.indexOf(last.day as (typeof WEEKDAYS)[number]);
  return { day: at < 0 ? '' : WEEKDAYS[(at + 1) % WEEKDAYS.length], from: last.from, to: last.to };
}

export function StaffedHoursEditor({ value, onChange, label, profileLabel, path, idFor, error, touch, disabled }: StaffedHoursEditorProps): React.ReactElement {
  const theme = useTheme();
  const setSlot = (i: number, key: keyof HoursSlotInput, v: string): void => onChange({ ...value, slots: value.slots.map((s, j) => (j === i ? { ...s, [key]: v } : s)) });
  const slotsError = error(`${path}.slots`);
  const at = (rest: string): string => `${path}.${rest}`;
  return (
    <fieldset style={{ border: 0, padding: 0, margin: '8px 0' }} data-testid="staffed-hours">
      <legend style={{ fontWeight: 600, padding: 0 }}>{label}</legend>
      <Checkbox id={idFor(at('allHours'))} label={strings.HoursAllHours} checked={value.allHours} disabled={disabled}
        onChange={(_, c) => onChange({ ...value, allHours: !!c })} />
      {!value.allHours && (
        <div>
          {value.slots.map((s, i) => {
            const slot = format(strings.HoursSlot, i + 1);
            return (
              <div key={i} role="group" aria-label={slot} style={{ display: 'flex', flexWrap: 'wrap', gap: 8, alignItems: 'flex-start', marginTop: 8 }}>
                <Dropdown id={idFor(at(`slots.${i}.day`))} label={strings.HoursDay} ariaLabel={`${slot}: ${strings.HoursDay}`} options={DAY_OPTIONS} selectedKey={s.day || null}
                  placeholder={strings.HoursChooseDay} styles={{ root: { width: 110 } }} disabled={disabled} errorMessage={error(at(`slots.${i}.day`))}
                  onChange={(_, o) => setSlot(i, 'day', String(o?.key ?? ''))} onBlur={() => touch(at(`slots.${i}.day`))} />
                <TextField id={idFor(at(`slots.${i}.from`))} label={strings.HoursFrom} ariaLabel={`${slot}: ${strings.HoursFrom}`} type="time" value={s.from} styles={{ root: { width: 130 } }}
                  disabled={disabled} errorMessage={error(at(`slots.${i}.from`))} onChange={(_, v) => setSlot(i, 'from', v ?? '')} onBlur={() => touch(at(`slots.${i}.from`))} />
                <TextField id={idFor(at(`slots.${i}.to`))} label={strings.HoursTo} ariaLabel={`${slot}: ${strings.HoursTo}`} type="time" value={s.to} styles={{ root: { width: 130 } }}
                  disabled={disabled} errorMessage={error(at(`slots.${i}.to`))} onChange={(_, v) => setSlot(i, 'to', v ?? '')} onBlur={() => touch(at(`slots.${i}.to`))} />
                <DefaultButton text={format(strings.HoursRemoveSlot, i + 1)} disabled={disabled} styles={{ root: { marginTop: 29 } }}
                  onClick={() => onChange({ ...value, slots: value.slots.filter((_, j) => j !== i) })} />
              </div>
            );
          })}
          <DefaultButton text={strings.HoursAddSlot} disabled={disabled} styles={{ root: { marginTop: 8 } }}
            onClick={() => { touch(at('slots')); onChange({ ...value, slots: [...value.slots, nextSlot(value.slots)] }); }} />
          {/* Said like Fluent says a field's problem: the theme's error colour, small, under the control. */}
          {slotsError && <p role="alert" style={{ fontSize: theme.fonts.small.fontSize, color: theme.semanticColors.errorText, margin: '4px 0' }} data-field-error={at('slots')}>{slotsError}</p>}
        </div>
      )}
      <Checkbox id={idFor(at('profileWillSaySo'))} label={profileLabel} checked={value.profileWillSaySo} disabled={disabled}
        styles={{ root: { marginTop: 8 } }} onChange={(_, c) => onChange({ ...value, profileWillSaySo: !!c })} />
    </fieldset>
  );
}
