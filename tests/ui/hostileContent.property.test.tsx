/**
 * @jest-environment jsdom
 */
import * as React from 'react';
import fc from 'fast-check';
import { render, cleanup } from '@testing-library/react';
import { ThemeProvider } from '@fluentui/react/lib/Theme';
import { PolicyContentView } from '../../src/ui/policy/PolicyView';
import { PolicyPublisher } from '../../src/services/policyPublisher';
import { renderersFor, type PolicyPage } from '../../src/services/policyService';
import { sanitizeHtml } from '../../src/ui/common/sanitizeHtml';
import { DEFAULT_SETTINGS } from '../../src/services/ports/settings';
import type { PolicyContent } from '../../src/domain/policy';
import { FixedAccounts, MemoryAcknowledgements, MemoryActivity, MemoryNotificationReports, MemoryPolicies, RecordingNotifier } from '../support/fakes';

// Whatever comms (or a raw REST call) put into the policy, it is either refused with a clear
// message or stored and shown without any live script, event handler or javascript: link.

const HOSTILE = [
  '<script>alert(1)</script>', '<img src=x onerror="alert(1)">', '<a href="javascript:alert(1)">click</a>', '<a href=" JaVaScRiPt:alert(1)">x</a>',
  '<svg onload=alert(1)>', '<iframe src="https://evil.example"></iframe>', '<p style="background:url(javascript:alert(1))">s</p>',
  '<a href="data:text/html,<script>alert(1)</script>">d</a>', '"><script>alert(1)</script>', '<b onmouseover=alert(1)>b</b>',
  '<form action="https://evil.example"><input name=x></form>', '<math><mi xlink:href="javascript:alert(1)">m</mi></math>', '{organisation}'
];

const words = fc.string({ minLength: 1, maxLength: 60 }).map((t) => `Item ${t}`);
const text = fc.oneof(
  { arbitrary: fc.constantFrom(...HOSTILE), weight: 6 },
  { arbitrary: words, weight: 6 },
  { arbitrary: fc.string({ minLength: 9_990, maxLength: 10_010 }), weight: 1 }
);
const html = fc.array(fc.oneof(fc.constantFrom(...HOSTILE), fc.string({ maxLength: 60 }).map((t) => `<p>${t}</p>`)), { minLength: 1, maxLength: 4 }).map((parts) => parts.join(''));
const item = (prefix: string) => fc.record({ id: fc.uuid().map((u) => `${prefix}-${u}`), title: text, detail: text });
const content: fc.Arbitrary<PolicyContent> = fc.record({
  names: fc.record({ organisation: fc.constantFrom('<img src=x onerror=alert(1)>', 'Northshire Council'), commsHead: fc.constantFrom('Hannah Lewis', '<script>x</script>') }),
  sections: fc.array(fc.record({ id: fc.uuid().map((u) => `s-${u}`), heading: text, body: html }), { minLength: 1, maxLength: 3 }),
  dos: fc.array(item('do'), { minLength: 1, maxLength: 3 }),
  donts: fc.array(item('dont'), { minLength: 1, maxLength: 3 }),
  links: fc.array(fc.record({ title: text, url: fc.constantFrom('javascript:alert(1)', 'https://intranet.example.org/p', 'data:text/html,x', 'mailto:comms@example.org', ' vbscript:x') }), { maxLength: 3 })
});

function page(c: PolicyContent): PolicyPage {
  const placeholders = { organisation: c.names?.organisation ?? '', commsHead: c.names?.commsHead ?? '' };
  return {
    policy: { id: 1, major: 1, minor: 0, label: '1.0', isMajor: true, content: c },
    settings: DEFAULT_SETTINGS, placeholders, ...renderersFor(placeholders), acknowledgement: { required: false }, myAcks: [], canPublish: false, canReadAllAcks: false, canManageSite: false
  };
}

describe('hostile policy content', () => {
  const acks = new MemoryAcknowledgements(() => 1);
  const publisher = new PolicyPublisher(new MemoryPolicies(acks), new FixedAccounts(), new MemoryActivity(), new RecordingNotifier(), new MemoryNotificationReports(), sanitizeHtml);

  it('is refused with a clear message, or stored and shown safely', () => {
    const seen = { refused: 0, shown: 0 };
    fc.assert(fc.property(content, (c) => {
      const problems = publisher.check(c, 'Change');
      if (problems.length > 0) {
        seen.refused++;
        for (const p of problems) {
          expect(p.path).toMatch(/^(names|sections|dos|donts|links|content|changeSummary)/);
          expect(p.message.length).toBeGreaterThan(10);
        }
        return;
      }
      seen.shown++;
      const stored = JSON.parse(JSON.stringify(publisher.clean(c))) as PolicyContent;
      const { container } = render(<ThemeProvider><PolicyContentView page={page(stored)} /></ThemeProvider>);
      try {
        // Everything but the page's own search box comes from the policy content.
        const fromContent = Array.from(container.querySelectorAll('*')).filter((el) => !el.closest('[role="search"]'));
        expect(fromContent.filter((el) => el.matches('script, iframe, img, svg, form, input, math, style, object, embed'))).toEqual([]);
        for (const el of fromContent) {
          for (const attr of Array.from(el.attributes)) {
            expect(attr.name.startsWith('on')).toBe(false);
            if (attr.name === 'href' || attr.name === 'src' || attr.name === 'style') expect(attr.value).not.toMatch(/^\s*(javascript|data|vbscript):|javascript:/i);
          }
        }
      } finally {
        cleanup();
      }
    }), { numRuns: 80 });
    // Both outcomes must have been exercised, or the property proved nothing.
    expect(seen.refused).toBeGreaterThan(5);
    expect(seen.shown).toBeGreaterThan(5);
  });
});
