import * as React from 'react';
import { TextField } from '@fluentui/react/lib/TextField';
import { useTheme } from '@fluentui/react/lib/Theme';
import * as strings from 'SocialMediaHubWebPartStrings';
import { POLICY_LIMITS, type PolicyItem } from '../../domain/policy';
import { format } from '../common/format';
import { characterCount } from './characterCount';
import { editorStyles } from './editorStyles';
import { fieldProps, type FieldFeedback } from './fieldFeedback';
import { fieldId } from './problems';
import { ReorderableList } from './ReorderableList';
import { FeatureHint } from './featureHint';

export interface ItemsEditorProps {
  /** Where the list sits in the content, for validation paths: 'dos' or 'donts'. */
  path: 'dos' | 'donts';
  heading: string;
  items: PolicyItem[];
  onChange(items: PolicyItem[]): void;
  newId(prefix: string): string;
  feedback: FieldFeedback;
}

/** The do's or the don'ts: a headline and an explanation each. */
export function ItemsEditor({ path, heading, items, onChange, newId, feedback }: ItemsEditorProps): React.ReactElement {
  const s = editorStyles(useTheme());
  const listError = feedback.error(path);
  const update = (i: number, change: Partial<PolicyItem>): void => onChange(items.map((x, j) => (j === i ? { ...x, ...change } : x)));
  return (
    <fieldset className={s.group} id={fieldId(path)} tabIndex={-1}>
      <legend className={s.groupHeading}>{heading}</legend>
      {listError && <p className={s.listError} role="alert">{listError}</p>}
      <ReorderableList<PolicyItem>
        label={heading} items={items} onChange={onChange} disabled={feedback.disabled}
        nameOf={(x, i) => x.title.trim() || format(strings.EditorUntitledItem, i + 1)}
        createItem={() => ({ id: newId(path === 'dos' ? 'do' : 'dont'), title: '', detail: '' })}
        addLabel={path === 'dos' ? strings.EditorAddDo : strings.EditorAddDont}
        renderFields={(x, i) => (
          <>
            <FeatureHint part={x} />
            <TextField
              label={strings.EditorItemTitle} value={x.title} {...fieldProps(feedback, `${path}.${i}.title`)}
              description={characterCount(x.title.length, POLICY_LIMITS.itemTitleLength)} onChange={(_, v) => update(i, { title: v ?? '' })}
            />
            {/* No maxLength: a pasted text that is too long stays whole, and the message says by how much. */}
            <TextField
              label={strings.EditorItemDetail} value={x.detail} multiline autoAdjustHeight rows={2} {...fieldProps(feedback, `${path}.${i}.detail`)}
              description={characterCount(x.detail.length, POLICY_LIMITS.itemDetailLength)}
              onChange={(_, v) => update(i, { detail: v ?? '' })}
            />
          </>
        )}
      />
    </fieldset>
  );
}
