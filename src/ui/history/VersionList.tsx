import * as React from 'react';
import { DefaultButton } from '@fluentui/react/lib/Button';
import { Checkbox } from '@fluentui/react/lib/Checkbox';
import { useTheme } from '@fluentui/react/lib/Theme';
import * as strings from 'SocialMediaHubWebPartStrings';
import type { PolicyVersionSummary } from '../../services/ports/policy';
import { format, formatDate } from '../common/format';
import { historyStyles } from './historyStyles';

export interface VersionListProps {
  /** Newest first. */
  versions: PolicyVersionSummary[];
  inForceId?: number;
  readingId?: number;
  comparing: number[];
  onRead(id: number): void;
  onToggleCompare(id: number, on: boolean): void;
  /** Compares a version with the one before it. */
  onWhatChanged(olderId: number, newerId: number): void;
}

/** Every published version: label, kind, when, by whom and what changed, with read and compare. */
export function VersionList({ versions, inForceId, readingId, comparing, onRead, onToggleCompare, onWhatChanged }: VersionListProps): React.ReactElement {
  const s = historyStyles(useTheme());
  return (
    <ol className={s.list} aria-label={strings.HistoryListLabel}>
      {versions.map((v, i) => {
        const previous = versions[i + 1];
        const selected = readingId === v.id || comparing.includes(v.id);
        const meta = [v.publishedAt ? format(strings.HistoryPublishedOn, formatDate(v.publishedAt)) : '', v.publishedBy ? format(strings.HistoryPublishedBy, v.publishedBy) : '']
          .filter(Boolean).join(' · ');
        return (
          <li key={v.id} className={`${s.row} ${selected ? s.rowSelected : ''}`} data-version-id={v.id}>
            <div className={s.rowHead}>
              <span className={s.label}>{format(strings.HistoryVersion, v.label)}</span>
              {v.isMajor && <span className={s.badgeMajor} title={strings.HistoryMajorHint}>{strings.HistoryMajor}</span>}
              {v.id === inForceId && <span className={s.badgeInForce}>{strings.HistoryInForce}</span>}
              {meta && <span className={s.meta}>{meta}</span>}
            </div>
            {v.changeSummary && <p className={s.summary}>{v.changeSummary}</p>}
            <div className={s.actions}>
              <DefaultButton
                text={strings.HistoryRead} ariaLabel={format(strings.HistoryReadNamed, v.label)} toggle checked={readingId === v.id}
                onClick={() => onRead(v.id)}
              />
              {previous && (
                // A button like Read beside it: the theme's link blue on the card background is 4.3:1, short of 4.5:1.
                <DefaultButton text={strings.HistoryWhatChanged} ariaLabel={format(strings.HistoryWhatChangedNamed, v.label, previous.label)} onClick={() => onWhatChanged(previous.id, v.id)} />
              )}
              <Checkbox
                label={strings.HistoryCompare} ariaLabel={format(strings.HistoryCompareNamed, v.label)} checked={comparing.includes(v.id)}
                onChange={(_, on) => onToggleCompare(v.id, !!on)}
              />
            </div>
          </li>
        );
      })}
    </ol>
  );
}
