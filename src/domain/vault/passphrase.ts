// The rule for a vault passphrase: length, not composition. The wrapped private key can be read by
// its owner and by site administrators, so the passphrase must survive an offline guessing attack;
// NIST SP 800-63B-4 (section 3.1.1.2, https://pages.nist.gov/800-63-4/sp800-63b.html) asks for at
// least 15 characters where a password is the only factor, allows at least 64, and advises against
// composition rules. Unicode is normalised (NFKC, as the same section recommends) so the passphrase
// typed on another keyboard or device opens the same key.

export const MIN_PASSPHRASE_LENGTH = 15;
export const MAX_PASSPHRASE_LENGTH = 256;

export type PassphraseProblem = 'tooShort' | 'tooLong' | 'repeated';

export type PassphraseCheck = { ok: true; normalised: string } | { ok: false; problem: PassphraseProblem; length: number };

export function normalisePassphrase(p: string): string {
  return p.normalize('NFKC');
}

export function checkPassphrase(p: string): PassphraseCheck {
  const normalised = normalisePassphrase(p);
  const length = Array.from(normalised).length;
  if (length < MIN_PASSPHRASE_LENGTH) return { ok: false, problem: 'tooShort', length };
  if (length > MAX_PASSPHRASE_LENGTH) return { ok: false, problem: 'tooLong', length };
  // One character typed many times is long but guessed first.
  if (new Set(Array.from(normalised)).size === 1) return { ok: false, problem: 'repeated', length };
  return { ok: true, normalised };
}

/** The sentence for a refused passphrase (also used as the error's message outside the UI). */
export function passphraseMessage(problem: PassphraseProblem, length: number): string {
  if (problem === 'tooShort') return `Use at least ${MIN_PASSPHRASE_LENGTH} characters (this one has ${length}). A few ordinary words with spaces between them are easy to remember and hard to guess.`;
  if (problem === 'tooLong') return `Use at most ${MAX_PASSPHRASE_LENGTH} characters.`;
  return 'Use different characters: one character repeated is among the first guesses.';
}
