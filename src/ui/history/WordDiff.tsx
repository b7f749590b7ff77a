import * as React from 'react';
import { hiddenContentStyle, mergeStyles } from '@fluentui/react/lib/Styling';
import * as strings from 'SocialMediaHubWebPartStrings';
import { safeLinkUrl, type DiffMark, type RichNode, type TextRun } from '../../domain/policy';

// Compared text as React elements (never innerHTML): the newer version's own tags, with inserted
// words in <ins> and deleted ones in <del>. Screen readers don't announce those elements, so each
// run starts with a hidden word saying which it is.

const hidden = mergeStyles(hiddenContentStyle);

/** Only the tags the policy sanitiser allows; anything else is shown as its text alone. */
const TAGS = new Set(['p', 'strong', 'b', 'em', 'i', 'u', 'ul', 'ol', 'li', 'h4']);

function Run({ text, mark }: { text: string; mark: DiffMark }): React.ReactElement {
  if (mark === 'same') return <>{text}</>;
  const Tag = mark;
  return <Tag><span className={hidden}>{mark === 'ins' ? strings.HistoryInserted : strings.HistoryDeleted}: </span>{text}</Tag>;
}

export function TextDiff({ runs }: { runs: TextRun[] }): React.ReactElement {
  return <>{runs.map((r, i) => <Run key={i} text={r.text} mark={r.mark} />)}</>;
}

export function RichDiff({ nodes }: { nodes: RichNode[] }): React.ReactElement {
  return (
    <>
      {nodes.map((n, i) => {
        if (n.kind === 'break') return <br key={i} />;
        if (n.kind === 'text') return <Run key={i} text={n.text} mark={n.mark} />;
        const children = <RichDiff nodes={n.children} />;
        if (n.tag === 'a') {
          const href = n.href === undefined ? undefined : safeLinkUrl(n.href);
          return href ? <a key={i} href={href} target="_blank" rel="noopener noreferrer">{children}</a> : <React.Fragment key={i}>{children}</React.Fragment>;
        }
        if (!TAGS.has(n.tag)) return <React.Fragment key={i}>{children}</React.Fragment>;
        return React.createElement(n.tag, { key: i }, children);
      })}
    </>
  );
}
