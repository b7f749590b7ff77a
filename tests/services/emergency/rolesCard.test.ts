// The roles card, expanded by the Adaptive Cards templating library over the *browser* build of
// adaptive-expressions, which is what webpack and esbuild bundle (its package.json "browser" field).
// adaptive-expressions 4.23.3's browser build fails here ("… is not a function" inside antlr4ts'
// assert), so this test stops an upgrade that would break announcements in the browser only.
jest.mock('adaptive-expressions', () => jest.requireActual('adaptive-expressions/lib/browser.js'));

import { buildRolesCard } from '../../../src/services/emergency/rolesCard';

const TEXT = { title: 'Social media roles in the emergency plan', intro: 'Who does what.', person: 'Holder', backup: 'Backup', accounts: 'Accounts covered', none: 'Not filled', noAccounts: 'None named' };

it('names each role, its holder, backup and accounts, and says where nobody is named', () => {
  const card = buildRolesCard([
    { role: 'Lead', person: 'Chris Morgan', backup: 'Hannah Lewis', accounts: ['Northshire News (X)', 'Northshire Council (Facebook)'] },
    { role: 'Deputy', accounts: [] }
  ], TEXT) as { type: string; version: string; body: { type: string; text?: string; items?: { type: string; text?: string; facts?: { title: string; value: string }[] }[] }[] };
  expect([card.type, card.version]).toEqual(['AdaptiveCard', '1.4']);
  expect(card.body[0].text).toBe('Social media roles in the emergency plan');
  const roles = card.body.filter((b) => b.type === 'Container').map((c) => ({ role: c.items![0].text, facts: c.items![1].facts!.map((f) => `${f.title}: ${f.value}`) }));
  expect(roles).toEqual([
    { role: 'Lead', facts: ['Holder: Chris Morgan', 'Backup: Hannah Lewis', 'Accounts covered: Northshire News (X), Northshire Council (Facebook)'] },
    { role: 'Deputy', facts: ['Holder: Not filled', 'Backup: Not filled', 'Accounts covered: None named'] }
  ]);
});

it('inserts names as text: a `${…}` inside a name is not evaluated', () => {
  const card = JSON.stringify(buildRolesCard([{ role: '${title}', person: 'Ann ${intro}', accounts: [] }], TEXT));
  expect(card).toContain('"text":"${title}"');
  expect(card).toContain('Holder","value":"Ann ${intro}"');
});
