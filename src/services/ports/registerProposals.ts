import type { RegisterProposal } from '../../domain/requests';

// Where an approved new-account request lands: a Proposed entry in the register. Comms write the
// register (PRODUCT.md §3), so a head of comms outside the Comms group is refused; the entry can
// then be added by any comms member from the request.

export interface IRegisterProposals {
  /** The register entry created from this request, if there is one. */
  entryFor(requestId: number): Promise<{ id: number } | undefined>;
  /** Adds the Proposed entry once (a second call finds the first). */
  propose(proposal: RegisterProposal): Promise<{ id: number }>;
}
