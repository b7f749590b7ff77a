import * as React from 'react';
import { SEED_PEOPLE, type DirectoryUser } from '../emulator/directory';
import { PERSONA_LABELS, switchPerson } from './session';

export function UserSwitcher({ person, dark }: { person: DirectoryUser; dark?: boolean }): React.ReactElement {
  return (
    <label style={{ display: 'flex', alignItems: 'center', gap: 6, fontSize: 13, color: dark ? '#fff' : 'inherit' }}>
      <span className="wb-hide-narrow">Signed in as</span>
      <select
        aria-label="Switch the signed-in person"
        data-testid="user-switcher"
        value={person.upn}
        onChange={(e) => switchPerson(e.target.value)}
        style={{ font: 'inherit', padding: '3px 4px', borderRadius: 4, maxWidth: 260 }}
      >
        {SEED_PEOPLE.map((p) => (
          <option key={p.upn} value={p.upn}>{`${p.displayName} (${PERSONA_LABELS[p.persona]})`}</option>
        ))}
      </select>
    </label>
  );
}
