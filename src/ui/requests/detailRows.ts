import * as strings from 'SocialMediaHubWebPartStrings';
import { inputFromDetails, type RequestDetails, type StaffedHoursInput, type HashtagInput } from '../../domain/requests';
import { formatDate } from '../common/format';
import { formSpec, getAt } from './formModel';

// A request's details as label and value pairs, in the order its form asks for them.

function staffedText(h: StaffedHoursInput): string {
  const when = h.allHours ? strings.ReqAllHours : h.slots.map((s) => `${s.day} ${s.from}–${s.to}`).join(', ');
  return `${when}. ${strings.ReqProfileSaysSo}: ${h.profileWillSaySo ? strings.ReqYes : strings.ReqNo}`;
}

function hashtagText(h: HashtagInput): string {
  return h.tag ? `${h.tag} (${strings.ReqHashtagCheckedOn}: ${formatDate(h.checkedOn)}; ${h.evidenceUrl})` : '';
}

export function detailRows(details: RequestDetails): [string, string][] {
  const input = inputFromDetails(details);
  const rows: [string, string][] = [];
  for (const f of formSpec(details.kind).flatMap((s) => s.fields)) {
    const v = getAt(input, f.path);
    let text: string;
    if (f.kind === 'staffedHours') text = staffedText(v as StaffedHoursInput);
    else if (f.kind === 'hashtag') text = hashtagText(v as HashtagInput);
    else if (f.kind === 'date') text = formatDate(v as string);
    else if (f.kind === 'account') text = details.kind === 'Close account' ? details.accountName : (v as string) ? `#${v as string}` : strings.ReqNoAccount;
    else if (f.path === 'budget' || f.path === 'expectedReturn') text = `£${v as string}`;
    else text = String(v ?? '');
    if (text !== '') rows.push([f.label, text]);
  }
  return rows;
}
