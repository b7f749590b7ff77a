import * as React from 'react';
import { NormalPeoplePicker } from '@fluentui/react/lib/Pickers';
import type { IPersonaProps } from '@fluentui/react/lib/Persona';
import * as strings from 'SocialMediaHubWebPartStrings';
import { AppError } from '../../domain/errors';
import type { PersonInput } from '../../domain/requests';
import { looksLikeEmail, type PeopleService } from '../../services/peopleService';
import { format } from './format';

// One person (an owner, a backup) chosen from the directory. Typing searches the directory a moment
// after the person stops (Fluent's resolveDelay), and only current members of staff are offered; an
// address pasted instead is looked up, and a leaver or a guest is refused with the reason. A failed
// search (throttled, offline) says so and leaves what was typed in the box. The choice is handed
// back as the forms store it: { name, email }.

export interface PersonPickerProps {
  /** The id of the text box, so a problem summary can take focus to it. */
  id: string;
  label: string;
  value: PersonInput;
  onChange(value: PersonInput): void;
  onBlur?(): void;
  people: PeopleService;
  required?: boolean;
  disabled?: boolean;
  errorMessage?: string;
  testId?: string;
}

/** How long after the last key the directory is asked (one call per pause, not per letter). */
const SEARCH_DELAY_MS = 350;

type Persona = IPersonaProps & { key: string; email: string; name: string };

// Fluent picks a coin colour per name and takes the initials' colour from the theme, which in Teams
// dark fails contrast (dark text on a mid-tone coin): one dark coin with white initials reads in every theme.
const COIN = { initialsColor: '#004e8c', initialsTextColor: '#ffffff' };

const toPersona = (p: PersonInput): Persona => ({ key: p.email.toLowerCase(), text: p.name || p.email, secondaryText: p.email, email: p.email, name: p.name, ...COIN });

function failureText(e: unknown): string {
  if (e instanceof AppError) {
    if (e.kind === 'throttled') return strings.PeopleBusy;
    if (e.kind === 'offline') return strings.PeopleOffline;
    return e.message;
  }
  return strings.PeopleOffline;
}

export function PersonPicker({ id, label, value, onChange, onBlur, people, required, disabled, errorMessage, testId }: PersonPickerProps): React.ReactElement {
  const [notice, setNotice] = React.useState<string>();
  // Answers can arrive out of order: only the latest question may set the notice.
  const latest = React.useRef(0);
  const chosen = value.email ? [toPersona(value)] : [];

  const resolve = async (filter: string): Promise<Persona[]> => {
    const ask = ++latest.current;
    setNotice(undefined);
    try {
      if (looksLikeEmail(filter)) {
        const found = await people.pasted(filter.trim());
        if (found.kind === 'member') return [toPersona(found.person)];
        if (ask === latest.current) {
          setNotice(found.kind === 'unknown' ? format(strings.PeopleUnknown, filter.trim()) : format(found.kind === 'disabled' ? strings.PeopleDisabled : strings.PeopleGuest, found.name));
        }
        return [];
      }
      return (await people.search(filter)).map(toPersona);
    } catch (e) {
      if (ask === latest.current) setNotice(failureText(e));
      return [];
    }
  };

  return (
    // With a person chosen the text box is gone (one person only): the wrapper takes the id and focus.
    <div id={chosen.length ? id : undefined} tabIndex={chosen.length ? -1 : undefined} data-testid={testId}>
      <NormalPeoplePicker
        label={label}
        required={required}
        disabled={disabled}
        itemLimit={1}
        resolveDelay={SEARCH_DELAY_MS}
        selectedItems={chosen}
        onResolveSuggestions={resolve}
        getTextFromItem={(p) => p.text ?? ''}
        onChange={(items) => {
          const p = items?.[0] as Persona | undefined;
          setNotice(undefined);
          onChange(p ? { name: p.name, email: p.email } : { name: '', email: '' });
        }}
        onBlur={() => onBlur?.()}
        errorMessage={notice ?? errorMessage}
        inputProps={{ id }}
        selectionAriaLabel={`${label}: ${strings.PeopleChosen}`}
        removeButtonAriaLabel={strings.PeopleRemove}
        pickerSuggestionsProps={{
          suggestionsHeaderText: strings.PeopleSuggestionsHeader,
          noResultsFoundText: notice ? undefined : strings.PeopleNoResults,
          loadingText: strings.PeopleSearching,
          suggestionsAvailableAlertText: strings.PeopleSuggestionsAvailable,
          suggestionsContainerAriaLabel: strings.PeopleSuggestionsLabel
        }}
      />
      <p style={{ margin: '4px 0 0', fontSize: 12 }}>{strings.PeopleHelp}</p>
    </div>
  );
}
