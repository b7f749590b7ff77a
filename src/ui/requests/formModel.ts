import * as strings from 'SocialMediaHubWebPartStrings';
import { CAMPAIGN_PURPOSES, PLATFORMS, type RequestInput, type RequestKind } from '../../domain/requests';

// What each form shows, as data: the fields of each kind in order, grouped under headings, each with
// the path the domain's problems use ('owner.email', 'hashtag.tag'), so one renderer serves all four
// kinds and a problem always finds its field.

export type FieldKind = 'text' | 'multiline' | 'choice' | 'date' | 'number' | 'email' | 'url' | 'account' | 'person' | 'staffedHours' | 'hashtag';

export interface FieldSpec {
  path: string;
  label: string;
  kind: FieldKind;
  required?: boolean;
  choices?: readonly string[];
  /** The account picker may be left empty (a campaign's account is not always decided). */
  optional?: boolean;
}

export interface SectionSpec {
  heading: string;
  fields: FieldSpec[];
}

const t = (path: string, label: string, kind: FieldKind = 'text', extra: Partial<FieldSpec> = {}): FieldSpec => ({ path, label, kind, required: true, ...extra });

export function formSpec(kind: RequestKind): SectionSpec[] {
  switch (kind) {
    case 'New account': return [
      { heading: strings.ReqSectionAccount, fields: [
        t('accountName', strings.ReqAccountName), t('platform', strings.ReqPlatform, 'choice', { choices: PLATFORMS }),
        t('handle', strings.ReqHandle, 'text', { required: false }), t('owningService', strings.ReqOwningService)
      ] },
      { heading: strings.ReqSectionCase, fields: [
        t('whyExistingCannotServe', strings.ReqWhyExisting, 'multiline'), t('audience', strings.ReqAudience, 'multiline'),
        t('whereAudienceTalks', strings.ReqWhereAudienceTalks, 'multiline'), t('objectives', strings.ReqObjectives, 'multiline'),
        t('contentPlan', strings.ReqContentPlan, 'multiline'), t('hoursPerWeek', strings.ReqHoursPerWeek, 'number'), t('exitPlan', strings.ReqExitPlan, 'multiline')
      ] },
      { heading: strings.ReqSectionPeople, fields: [
        t('owner', strings.PeopleOwner, 'person'), t('backup', strings.PeopleBackup, 'person'),
        t('rota', strings.ReqRota, 'multiline'), t('staffedHours', strings.ReqStaffedHours, 'staffedHours')
      ] },
      { heading: strings.ReqSectionHashtag, fields: [t('hashtag', strings.ReqHashtag, 'hashtag', { required: false })] }
    ];
    case 'Paid campaign': return [
      { heading: strings.ReqSectionCampaign, fields: [
        t('title', strings.ReqCampaignTitle), t('purpose', strings.ReqPurpose, 'choice', { choices: CAMPAIGN_PURPOSES }),
        t('description', strings.ReqDescription, 'multiline'), t('platform', strings.ReqPlatform, 'choice', { choices: PLATFORMS }),
        t('accountId', strings.ReqCampaignAccount, 'account', { required: false, optional: true }),
        t('startDate', strings.ReqStartDate, 'date'), t('endDate', strings.ReqEndDate, 'date')
      ] },
      { heading: strings.ReqSectionReturn, fields: [
        t('budget', strings.ReqBudget, 'number'), t('expectedReturn', strings.ReqExpectedReturn, 'number'), t('howReturnIsShown', strings.ReqHowReturnShown, 'multiline')
      ] },
      { heading: strings.ReqSectionHashtag, fields: [t('hashtag', strings.ReqHashtag, 'hashtag', { required: false })] }
    ];
    case 'Close account': return [
      { heading: strings.ReqSectionClose, fields: [
        t('accountId', strings.ReqCloseWhich, 'account'), t('reason', strings.ReqCloseReason, 'multiline'),
        t('followersPlan', strings.ReqFollowersPlan, 'multiline', { required: false })
      ] }
    ];
    case 'Idea or question': return [
      { heading: strings.ReqSectionIdea, fields: [t('subject', strings.ReqSubject), t('message', strings.ReqMessage, 'multiline')] }
    ];
  }
}

/** The DOM id of the field at a path (a summary link focuses it). */
export const fieldId = (path: string): string => `smh-req-${path.replace(/[^A-Za-z0-9]+/g, '-')}`;

/** The value at a dotted path of a form ('owner.email', 'staffedHours.slots.1.from'). */
export function getAt(input: RequestInput, path: string): unknown {
  return path.split('.').reduce<unknown>((v, k) => (v === null || v === undefined ? undefined : (v as Record<string, unknown>)[k]), input);
}

/** A copy of the form with the value at `path` replaced (arrays stay arrays). */
export function setAt<T>(input: T, path: string, value: unknown): T {
  const [head, ...rest] = path.split('.');
  const copy: unknown = Array.isArray(input) ? [...input] : { ...(input as object) };
  (copy as Record<string, unknown>)[head] = rest.length ? setAt((input as Record<string, unknown>)[head], rest.join('.'), value) : value;
  return copy as T;
}

/** A label for a problem's path in the summary: the field's label, or the nearest enclosing field's. */
export function labelFor(kind: RequestKind, path: string): string {
  const fields = formSpec(kind).flatMap((s) => s.fields);
  const exact = fields.find((f) => f.path === path);
  if (exact) return exact.label;
  const slot = /^staffedHours\.slots\.(\d+)\.(day|from|to)$/.exec(path);
  if (slot) return `${strings.ReqStaffedHours}, ${strings.HoursSlot.replace('{0}', String(Number(slot[1]) + 1))}: ${{ day: strings.HoursDay, from: strings.HoursFrom, to: strings.HoursTo }[slot[2] as 'day' | 'from' | 'to']}`;
  if (path === 'hashtag.tag') return strings.ReqHashtag;
  if (path === 'hashtag.checkedOn') return strings.ReqHashtagCheckedOn;
  if (path === 'hashtag.evidenceUrl') return strings.ReqHashtagEvidence;
  if (path === 'accountName' && kind === 'Close account') return strings.ReqCloseWhich;
  const parent = fields.filter((f) => path.startsWith(`${f.path}.`)).sort((a, b) => b.path.length - a.path.length)[0];
  return parent?.label ?? path;
}

/** Where a problem's link takes focus: the field itself, else the enclosing field. */
export function focusTarget(kind: RequestKind, path: string): string {
  if (path === 'accountName' && kind === 'Close account') return fieldId('accountId');
  if (path === 'staffedHours.slots') return fieldId('staffedHours.allHours');
  // A person is one picker: its name and address problems both take focus to it.
  const person = /^(owner|backup)\.(name|email)$/.exec(path);
  if (person) return fieldId(person[1]);
  return fieldId(path);
}
