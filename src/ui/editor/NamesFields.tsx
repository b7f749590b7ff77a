import * as React from 'react';
import { TextField } from '@fluentui/react/lib/TextField';
import { useTheme } from '@fluentui/react/lib/Theme';
import * as strings from 'SocialMediaHubWebPartStrings';
import { POLICY_LIMITS, type PolicyNames } from '../../domain/policy';
import { characterCount } from './characterCount';
import { editorStyles } from './editorStyles';
import { fieldProps, type FieldFeedback } from './fieldFeedback';

/** The names the policy's placeholders stand for, kept with this version. */
export function NamesFields({ names, onChange, feedback }: { names: PolicyNames; onChange(names: PolicyNames): void; feedback: FieldFeedback }): React.ReactElement {
  const s = editorStyles(useTheme());
  return (
    <fieldset className={s.group}>
      <legend className={s.groupHeading}>{strings.EditorNamesHeading}</legend>
      <p className={s.hint}>{strings.EditorNamesHint}</p>
      <div className={s.twoColumns}>
        <TextField
          label={strings.EditorOrganisation} value={names.organisation} {...fieldProps(feedback, 'names.organisation')}
          description={characterCount(names.organisation.length, POLICY_LIMITS.nameLength)}
          onChange={(_, v) => onChange({ ...names, organisation: v ?? '' })}
        />
        <TextField
          label={strings.EditorCommsHead} value={names.commsHead} {...fieldProps(feedback, 'names.commsHead')}
          description={characterCount(names.commsHead.length, POLICY_LIMITS.nameLength)}
          onChange={(_, v) => onChange({ ...names, commsHead: v ?? '' })}
        />
      </div>
    </fieldset>
  );
}
