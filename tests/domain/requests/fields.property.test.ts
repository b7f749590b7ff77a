import fc from 'fast-check';
import { calendarDate, dayNumber, emailAddress, hoursPerWeek, moneyPence, penceToText, registerId, REQUEST_LIMITS, requiredText, webAddress } from '../../../src/domain/requests';

// Each field check on its own: a value it accepts means what was typed, and the form filled back in
// from that value is accepted as the same value; anything else is refused with a message.

const anything = fc.oneof(fc.string({ unit: 'binary', maxLength: 30 }), fc.string({ maxLength: 30 }), fc.constantFrom('', ' ', '£', '1,00', '1e3', '0x10', '-1', 'NaN', 'Infinity', '٣', '１２', '12 ', ' 12'));

it('money: every amount in range is read back as the same pence, written plainly or with £ and commas', () => {
  fc.assert(fc.property(fc.integer({ min: 1, max: REQUEST_LIMITS.maxBudgetPence }), (pence) => {
    expect(moneyPence(penceToText(pence), 'budget', REQUEST_LIMITS.maxBudgetPence)).toEqual({ ok: true, value: pence });
    const pounds = Math.floor(pence / 100).toLocaleString('en-GB');
    const withPence = pence % 100 ? `.${String(pence % 100).padStart(2, '0')}` : '';
    expect(moneyPence(`£${pounds}${withPence}`, 'budget', REQUEST_LIMITS.maxBudgetPence)).toEqual({ ok: true, value: pence });
  }));
});

it('hours: every quarter hour of the week is read back the same', () => {
  fc.assert(fc.property(fc.integer({ min: 1, max: 168 * 4 }), (quarters) => {
    const hours = quarters / 4;
    expect(hoursPerWeek(String(hours))).toEqual({ ok: true, value: hours });
  }));
});

it('dates: every real date is accepted as typed, and an impossible one is not', () => {
  fc.assert(fc.property(fc.date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2100-12-31T00:00:00Z'), noInvalidDate: true }), (d) => {
    const iso = d.toISOString().slice(0, 10);
    expect(calendarDate(iso, 'start date')).toEqual({ ok: true, value: iso });
    expect(dayNumber(iso)).toBe(Math.floor(d.getTime() / 86_400_000));
  }));
  for (const bad of ['2026-02-29', '2026-13-01', '2026-00-10', '2026-04-31', '26-04-01', '2026-4-1']) expect(calendarDate(bad, 'start date').ok).toBe(false);
});

it('numbers, money, dates, e-mail, links and ids: anything typed is accepted as itself or refused with a message, never throwing', () => {
  fc.assert(fc.property(anything, (s) => {
    const checks = [
      hoursPerWeek(s), moneyPence(s, 'budget', REQUEST_LIMITS.maxBudgetPence), calendarDate(s, 'date'), emailAddress(s), webAddress(s),
      registerId(s, 'Choose the account.'), requiredText(s, 10, false, 'Write it.')
    ];
    for (const r of checks) {
      if (!r.ok) expect(r.message.length).toBeGreaterThan(5);
    }
    // Text-valued checks keep the text exactly.
    for (const r of [calendarDate(s, 'date'), emailAddress(s), webAddress(s), requiredText(s, 10, false, 'Write it.')]) {
      if (r.ok) expect(r.value).toBe(s);
    }
    const id = registerId(s, 'Choose the account.');
    if (id.ok) expect(String(id.value)).toBe(s);
  }), { numRuns: 1000 });
});
