import type { PolicyContent, PolicyVersion } from '../../domain/policy';
import type { HubSettings } from './settings';

export interface PolicyPageData {
  /** The version in force; undefined before set-up seeded one. */
  policy?: PolicyVersion;
  settings: HubSettings;
}

export interface IPolicyRepository {
  /** The policy in force and the settings it refers to, in one round trip. */
  loadPolicyPage(): Promise<PolicyPageData>;
  /** Publishes a new version (set-up uses it to seed the default policy). */
  publish(input: { major: number; minor: number; isMajor: boolean; content: PolicyContent; changeSummary: string }): Promise<PolicyVersion>;
  hasAnyVersion(): Promise<boolean>;
}
