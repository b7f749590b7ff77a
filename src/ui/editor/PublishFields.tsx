import * as React from 'react';
import { ChoiceGroup, type IChoiceGroupOption } from '@fluentui/react/lib/ChoiceGroup';
import { TextField } from '@fluentui/react/lib/TextField';
import { useTheme } from '@fluentui/react/lib/Theme';
import * as strings from 'SocialMediaHubWebPartStrings';
import { POLICY_LIMITS, type VersionKind } from '../../domain/policy';
import { format } from '../common/format';
import { characterCount } from './characterCount';
import { editorStyles } from './editorStyles';
import { fieldProps, type FieldFeedback } from './fieldFeedback';

const KINDS: IChoiceGroupOption[] = [
  { key: 'minor', text: strings.EditorKindMinor },
  { key: 'major', text: strings.EditorKindMajor }
];

export interface PublishFieldsProps {
  kind: VersionKind;
  onKind(kind: VersionKind): void;
  changeSummary: string;
  onChangeSummary(text: string): void;
  /** The label the new version will get, e.g. "3.0". */
  nextLabel: string;
  feedback: FieldFeedback;
}

/** What kind of version this is and what changed: both shown to staff with the new version. */
export function PublishFields({ kind, onKind, changeSummary, onChangeSummary, nextLabel, feedback }: PublishFieldsProps): React.ReactElement {
  const s = editorStyles(useTheme());
  return (
    <>
      <ChoiceGroup
        label={strings.EditorKindLabel} options={KINDS} selectedKey={kind} disabled={feedback.disabled}
        onChange={(_, option) => onKind(option?.key === 'major' ? 'major' : 'minor')}
      />
      <p className={s.nextLabel} aria-live="polite">{format(strings.EditorNextVersion, nextLabel)}</p>
      <TextField
        label={strings.EditorChangeSummary} required multiline autoAdjustHeight rows={3} value={changeSummary} {...fieldProps(feedback, 'changeSummary')}
        description={`${strings.EditorChangeSummaryHint} ${characterCount(changeSummary.length, POLICY_LIMITS.changeSummaryLength)}`} onChange={(_, v) => onChangeSummary(v ?? '')}
      />
    </>
  );
}
