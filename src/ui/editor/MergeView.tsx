import * as React from 'react';
import { PrimaryButton, DefaultButton } from '@fluentui/react/lib/Button';
import { useTheme } from '@fluentui/react/lib/Theme';
import { mergeStyleSets, type ITheme } from '@fluentui/react/lib/Styling';
import * as strings from 'SocialMediaHubWebPartStrings';
import {
  diffRichText, diffText, merge3, mergeParts, resolveMerge, sideOf, unresolvedParts,
  type MergeChoices, type MergePart, type MergeSide, type PolicyContent, type PolicyItem, type PolicyLink, type PolicySection
} from '../../domain/policy';
import { format } from '../common/format';
import { sanitizeHtml } from '../common/sanitizeHtml';
import { RichDiff, TextDiff } from '../history/WordDiff';

// The three-way view: a draft started from an older version meets the version in force. Each part
// either side changed is shown twice, the draft's text and the published text, each marked against
// the version both started from; the person keeps one side per part. Where only one side changed a
// part, that side is already chosen, and the view says so. Nothing becomes the draft until the
// person says "Use this", and nothing is published from here.

export interface MergeViewProps {
  baseLabel: string;
  publishedLabel: string;
  base: PolicyContent;
  theirs: PolicyContent;
  published: PolicyContent;
  /** The merged content, to become the draft based on the version in force. */
  onUse(content: PolicyContent): void;
  onCancel(): void;
}

function mergeStyles(theme: ITheme) {
  const { semanticColors: s, fonts, palette } = theme;
  return mergeStyleSets({
    root: { display: 'grid', gap: 12 },
    heading: { ...fonts.xLarge, fontWeight: 600, margin: 0 },
    text: { margin: 0, lineHeight: '1.4em' },
    tools: { display: 'flex', flexWrap: 'wrap', gap: 8 },
    list: { listStyle: 'none', margin: 0, padding: 0, display: 'grid', gap: 12 },
    part: {
      padding: 12, borderRadius: 4, background: s.bodyStandoutBackground, border: `1px solid ${s.bodyDivider}`,
      selectors: { '@media (forced-colors: active)': { border: '1px solid CanvasText' } }
    },
    conflict: { borderLeft: `4px solid ${s.warningIcon ?? palette.yellowDark}` },
    partHeading: { ...fonts.mediumPlus, fontWeight: 600, margin: '0 0 4px' },
    state: { ...fonts.small, color: s.bodySubtext, margin: '0 0 8px' },
    sides: { display: 'grid', gap: 12, gridTemplateColumns: 'repeat(auto-fit, minmax(min(100%, 260px), 1fr))' },
    side: {
      padding: 8, borderRadius: 4, border: `1px solid ${s.bodyDivider}`, background: s.bodyBackground, minWidth: 0,
      selectors: {
        ins: { background: s.successBackground, color: s.bodyText, textDecoration: 'underline' },
        del: { background: s.errorBackground, color: s.bodyText },
        '@media (forced-colors: active)': { border: '1px solid CanvasText' }
      }
    },
    chosen: { outline: `2px solid ${s.inputBackgroundChecked ?? palette.themePrimary}`, outlineOffset: -1, selectors: { '@media (forced-colors: active)': { outline: '2px solid Highlight' } } },
    sideHeading: { ...fonts.medium, fontWeight: 600, margin: '0 0 4px' },
    body: { ...fonts.medium, lineHeight: '1.4em', overflowWrap: 'anywhere', selectors: { p: { margin: '0 0 6px' } } },
    absent: { fontStyle: 'italic', color: s.bodySubtext },
    footer: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 8, paddingTop: 12, borderTop: `1px solid ${s.bodyDivider}` }
  });
}

type Styles = ReturnType<typeof mergeStyles>;

const areaLabel = (area: MergePart<unknown>['area']): string => ({
  names: strings.MergeAreaNames, section: strings.MergeAreaSection, do: strings.MergeAreaDo, dont: strings.MergeAreaDont, link: strings.MergeAreaLink
})[area];

/** What a part is called: its heading or title on whichever side still has it. */
function titleOf(p: MergePart<unknown>): string {
  const v = (p.published ?? p.theirs ?? p.base) as PolicySection | PolicyItem | PolicyLink | string | undefined;
  if (p.area === 'names') return p.id === 'organisation' ? strings.MergeNameOrganisation : strings.MergeNameCommsHead;
  if (v === undefined || typeof v === 'string') return '';
  if ('heading' in v) return v.heading;
  return v.title;
}

/** One side of a part, its words marked against the base. */
function SideText({ part, side, s }: { part: MergePart<unknown>; side: MergeSide; s: Styles }): React.ReactElement {
  const now = part[side];
  if (now === undefined) return <p className={`${s.body} ${s.absent}`}>{part.base === undefined ? strings.MergeNotThere : strings.MergeRemoved}</p>;
  const was = part.base;
  if (part.area === 'section') {
    const a = was as PolicySection | undefined;
    const b = now as PolicySection;
    return (
      <div className={s.body}>
        <p><strong><TextDiff runs={diffText(a?.heading ?? '', b.heading)} /></strong></p>
        <RichDiff nodes={diffRichText(a ? sanitizeHtml(a.body) : '', sanitizeHtml(b.body))} />
      </div>
    );
  }
  if (part.area === 'do' || part.area === 'dont') {
    const a = was as PolicyItem | undefined;
    const b = now as PolicyItem;
    return (
      <div className={s.body}>
        <p><strong><TextDiff runs={diffText(a?.title ?? '', b.title)} /></strong></p>
        <p><TextDiff runs={diffText(a?.detail ?? '', b.detail)} /></p>
      </div>
    );
  }
  if (part.area === 'link') {
    const a = was as PolicyLink | undefined;
    const b = now as PolicyLink;
    return <p className={s.body}><TextDiff runs={diffText(a ? `${a.title} (${a.url})` : '', `${b.title} (${b.url})`)} /></p>;
  }
  return <p className={s.body}><TextDiff runs={diffText((was as string | undefined) ?? '', now as string)} /></p>;
}

function PartRow({ part, choices, onChoose, labels, s }: {
  part: MergePart<unknown>; choices: MergeChoices; onChoose(key: string, side: MergeSide): void; labels: { published: string }; s: Styles;
}): React.ReactElement {
  const title = titleOf(part);
  const taken = sideOf(part, choices);
  const state = part.state === 'conflict'
    ? (choices[part.key] ? strings.MergeStateChosen : strings.MergeStateBoth)
    : choices[part.key] && choices[part.key] !== part.state ? strings.MergeStateChosen
      : part.state === 'theirs' ? strings.MergeStateMineOnly : format(strings.MergeStatePublishedOnly, labels.published);
  const headingId = `smh-merge-${part.key.replace(/[^\w-]/g, '-')}`;
  return (
    <li className={`${s.part} ${part.state === 'conflict' ? s.conflict : ''}`} data-merge-part={part.key} data-merge-state={part.state} aria-labelledby={headingId}>
      <h4 className={s.partHeading} id={headingId}>{areaLabel(part.area)}: {title}</h4>
      <p className={s.state} role="status">{state}</p>
      <div className={s.sides}>
        {(['theirs', 'published'] as const).map((side) => {
          const label = side === 'theirs' ? strings.MergeMine : format(strings.MergePublished, labels.published);
          const take = side === 'theirs' ? strings.MergeTakeMine : strings.MergeTakePublished;
          return (
            <div key={side} className={`${s.side} ${taken === side ? s.chosen : ''}`} data-side={side}>
              <p className={s.sideHeading}>{label}</p>
              <SideText part={part} side={side} s={s} />
              <DefaultButton
                text={take} aria-pressed={taken === side} ariaLabel={`${take}: ${title}`} checked={taken === side}
                toggle onClick={() => onChoose(part.key, side)}
              />
            </div>
          );
        })}
      </div>
    </li>
  );
}

export function MergeView({ baseLabel, publishedLabel, base, theirs, published, onUse, onCancel }: MergeViewProps): React.ReactElement {
  const s = mergeStyles(useTheme());
  const merge = React.useMemo(() => merge3(base, theirs, published), [base, theirs, published]);
  const [choices, setChoices] = React.useState<Record<string, MergeSide>>({});
  const shown = mergeParts(merge).filter((p) => p.state !== 'same');
  const open = unresolvedParts(merge, choices);
  const automatic = shown.filter((p) => p.state !== 'conflict').length;
  const headingRef = React.useRef<HTMLHeadingElement>(null);
  React.useEffect(() => headingRef.current?.focus(), []);

  return (
    <section className={s.root} aria-labelledby="smh-merge-heading" data-testid="merge-view">
      <h3 className={s.heading} id="smh-merge-heading" ref={headingRef} tabIndex={-1}>{format(strings.MergeHeading, publishedLabel)}</h3>
      <p className={s.text}>{format(strings.MergeIntro, baseLabel, publishedLabel)}</p>
      <p className={s.text} role="status">
        {[
          automatic > 0 ? format(automatic === 1 ? strings.MergeAutomaticOne : strings.MergeAutomaticMany, automatic) : '',
          format(merge3Counts(shown.length - automatic), shown.length - automatic)
        ].filter(Boolean).join(' ')}
      </p>
      <div className={s.tools}>
        <DefaultButton text={strings.MergeTakeAllMine} onClick={() => setChoices(forceAll(shown, 'theirs'))} />
        <DefaultButton text={strings.MergeTakeAllPublished} onClick={() => setChoices(forceAll(shown, 'published'))} />
      </div>
      <ul className={s.list} aria-label={strings.MergeListLabel}>
        {shown.map((p) => (
          <PartRow key={p.key} part={p} choices={choices} labels={{ published: publishedLabel }} s={s} onChoose={(key, side) => setChoices((c) => ({ ...c, [key]: side }))} />
        ))}
      </ul>
      <div className={s.footer}>
        <PrimaryButton text={strings.MergeUse} disabled={open.length > 0} onClick={() => onUse(resolveMerge(merge, choices))} />
        <DefaultButton text={strings.MergeCancel} onClick={onCancel} />
        {open.length > 0 && <span role="status">{format(open.length === 1 ? strings.MergeStillOne : strings.MergeStillMany, open.length)}</span>}
      </div>
    </section>
  );
}

/** "Take all mine / all published" also overrides the parts only one side changed. */
function forceAll(parts: MergePart<unknown>[], side: MergeSide): Record<string, MergeSide> {
  return Object.fromEntries(parts.map((p) => [p.key, side]));
}

function merge3Counts(conflicts: number): string {
  return conflicts === 0 ? strings.MergeConflictsNone : conflicts === 1 ? strings.MergeConflictsOne : strings.MergeConflictsMany;
}
