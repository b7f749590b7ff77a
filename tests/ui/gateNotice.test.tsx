/**
 * @jest-environment jsdom
 */
import * as React from 'react';
import { render, screen, fireEvent } from '@testing-library/react';
import { GateNotice } from '../../src/ui/common/GateNotice';
import { NavigationContext } from '../../src/ui/common/NavigationContext';

describe('the acknowledgement gate in the UI', () => {
  it('says why and takes the person to the policy', () => {
    const go = jest.fn();
    render(
      <NavigationContext.Provider value={go}>
        <GateNotice result={{ allowed: false, versionLabel: '2.0', message: 'Please read and acknowledge the social media policy (version 2.0) first.', policyLink: { pageId: 'policy' } }} />
      </NavigationContext.Provider>
    );
    expect(screen.getByRole('alert').textContent).toContain('version 2.0');
    fireEvent.click(screen.getByRole('button', { name: 'Read the policy' }));
    expect(go).toHaveBeenCalledWith('policy');
  });

  it('shows nothing when the gate is open', () => {
    const { container } = render(<GateNotice result={{ allowed: true }} />);
    expect(container.innerHTML).toBe('');
  });
});
