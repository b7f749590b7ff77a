import * as React from 'react';
import { useTheme } from '@fluentui/react/lib/Theme';
import * as strings from 'SocialMediaHubWebPartStrings';
import type { PolicyProblem } from '../../domain/policy';
import { Notice } from '../common/Notice';
import { format } from '../common/format';
import { editorStyles } from './editorStyles';
import { areaLabel, countByArea, fieldId, locationLabel } from './problems';

/**
 * Every problem in one place after a publish attempt, counted per part of the policy, each a link
 * that moves focus to its field (a long policy hides most fields below the fold).
 */
export function ProblemSummary({ problems }: { problems: PolicyProblem[] }): React.ReactElement | null {
  const s = editorStyles(useTheme());
  if (problems.length === 0) return null;
  const counts = countByArea(problems).map((c) => format(strings.EditorProblemCount, areaLabel(c.area), c.count)).join(', ');
  const go = (path: string): void => {
    // A list-level problem ('dos') points at the list; an item's at its field.
    const target = document.getElementById(fieldId(path)) ?? document.getElementById(fieldId(path.split('.')[0]));
    target?.focus();
    target?.scrollIntoView?.({ block: 'center' });
  };
  return (
    <Notice kind="error">
      <strong>{format(problems.length === 1 ? strings.EditorProblemsOne : strings.EditorProblemsMany, problems.length)}</strong> {counts}
      <ul className={s.summaryList} data-testid="problem-summary">
        {problems.map((p, i) => (
          <li key={`${p.path}-${i}`}>
            <button type="button" className={s.summaryLink} onClick={() => go(p.path)}>{locationLabel(p.path)}</button>: {p.message}
          </li>
        ))}
      </ul>
    </Notice>
  );
}
