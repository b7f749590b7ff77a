import * as React from 'react';
import { TextField } from '@fluentui/react/lib/TextField';
import { useTheme } from '@fluentui/react/lib/Theme';
import * as strings from 'SocialMediaHubWebPartStrings';
import { htmlToText, POLICY_LIMITS, type PolicySection } from '../../domain/policy';
import { characterCount } from './characterCount';
import { format } from '../common/format';
import { editorStyles } from './editorStyles';
import { fieldProps, type FieldFeedback } from './fieldFeedback';
import { fieldId } from './problems';
import { ReorderableList } from './ReorderableList';
import { FeatureHint } from './featureHint';
import { RichTextEditor } from './RichTextEditor';

export interface SectionsEditorProps {
  sections: PolicySection[];
  onChange(sections: PolicySection[]): void;
  newId(prefix: string): string;
  feedback: FieldFeedback;
}

/** The introduction: sections with a heading and rich text. */
export function SectionsEditor({ sections, onChange, newId, feedback }: SectionsEditorProps): React.ReactElement {
  const s = editorStyles(useTheme());
  const listError = feedback.error('sections');
  const update = (i: number, change: Partial<PolicySection>): void => onChange(sections.map((x, j) => (j === i ? { ...x, ...change } : x)));
  return (
    <fieldset className={s.group} id={fieldId('sections')} tabIndex={-1}>
      <legend className={s.groupHeading}>{strings.EditorSectionsHeading}</legend>
      <p className={s.hint}>{strings.EditorSectionsHint}</p>
      {listError && <p className={s.listError} role="alert">{listError}</p>}
      <ReorderableList<PolicySection>
        label={strings.EditorSectionsHeading} items={sections} onChange={onChange} disabled={feedback.disabled}
        nameOf={(x, i) => x.heading.trim() || format(strings.EditorUntitledSection, i + 1)}
        createItem={() => ({ id: newId('section'), heading: '', body: '' })} addLabel={strings.EditorAddSection}
        renderFields={(x, i) => (
          <>
            <FeatureHint part={x} />
            <TextField
              label={strings.EditorSectionHeading} value={x.heading} {...fieldProps(feedback, `sections.${i}.heading`)}
              description={characterCount(x.heading.length, POLICY_LIMITS.headingLength)} onChange={(_, v) => update(i, { heading: v ?? '' })}
            />
            <RichTextEditor
              id={fieldId(`sections.${i}.body`)} label={strings.EditorSectionBody} value={x.body} disabled={feedback.disabled}
              errorMessage={feedback.error(`sections.${i}.body`)}
              // The limit is on the text staff read, as validation counts it, not on the markup.
              description={characterCount(htmlToText(x.body).length, POLICY_LIMITS.sectionTextLength, strings.EditorTextCount)} onBlur={() => feedback.touch(`sections.${i}.body`)} onChange={(body) => update(i, { body })}
            />
          </>
        )}
      />
    </fieldset>
  );
}
