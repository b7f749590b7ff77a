/**
 * A client-made id for a write that must count once (PRODUCT.md §3: idempotency by reading). Random,
 * so nobody can guess another person's; readers count an id once per author, earliest wins.
 */
export function newSubmissionId(): string {
  return globalThis.crypto.randomUUID();
}
