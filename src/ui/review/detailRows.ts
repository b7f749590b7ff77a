import type { RequestDetails } from '../../domain/requests';

// A request's details as label/value rows, for reviewers. The form's field names are turned into
// sentence-case labels so a field added to a form shows without a change here.

export interface DetailRow {
  label: string;
  value: string;
}

const OVERRIDES: Record<string, string> = {
  whyExistingCannotServe: 'Why the existing accounts cannot serve',
  whereAudienceTalks: 'Where the audience already talks',
  hoursPerWeek: 'Hours a week',
  exitPlan: 'Exit plan',
  staffedHours: 'Staffed hours',
  budgetPence: 'Budget',
  expectedReturnPence: 'Expected financial return'
};

export function labelOf(key: string): string {
  if (OVERRIDES[key]) return OVERRIDES[key];
  const words = key.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function pounds(pence: number): string {
  return (pence / 100).toLocaleString('en-GB', { style: 'currency', currency: 'GBP' });
}

function valueOf(key: string, value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  if (typeof value === 'number') return /Pence$/.test(key) ? pounds(value) : value.toLocaleString('en-GB');
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.map((v) => valueOf(key, v)).join('; ');
  const o = value as Record<string, unknown>;
  if ('name' in o && 'email' in o) return `${String(o.name)} (${String(o.email)})`;
  if ('allHours' in o) {
    const slots = (o.slots as { day: string; from: string; to: string }[] | undefined) ?? [];
    const when = o.allHours ? 'Around the clock' : slots.map((s) => `${s.day} ${s.from}–${s.to}`).join(', ');
    return `${when}${o.profileWillSaySo ? '; the profile will say so' : ''}`;
  }
  if ('day' in o && 'from' in o) return `${String(o.day)} ${String(o.from)}–${String(o.to)}`;
  if ('tag' in o) return [o.tag, o.checkedOn && `checked ${String(o.checkedOn)}`, o.evidenceUrl].filter(Boolean).join(', ');
  return Object.entries(o).map(([k, v]) => `${labelOf(k)}: ${valueOf(k, v)}`).join('; ');
}

export function detailRows(details: RequestDetails): DetailRow[] {
  return Object.entries(details).filter(([key]) => key !== 'kind').map(([key, value]) => ({ label: labelOf(key), value: valueOf(key, value) }));
}
