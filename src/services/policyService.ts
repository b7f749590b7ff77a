import { fillPlaceholders, type PolicyPlaceholders } from '../domain/policy';
import type { IPolicyRepository, PolicyPageData } from './ports/policy';

export interface PolicyPage extends PolicyPageData {
  placeholders: PolicyPlaceholders;
  /** Renders policy text with the organisation's names. */
  render(text: string): string;
}

export class PolicyService {
  public constructor(private readonly policies: IPolicyRepository) {}

  public async loadPage(): Promise<PolicyPage> {
    const data = await this.policies.loadPolicyPage();
    const placeholders = { organisation: data.settings.organisationName, commsHead: data.settings.commsHeadName };
    return { ...data, placeholders, render: (t) => fillPlaceholders(t, placeholders) };
  }
}
