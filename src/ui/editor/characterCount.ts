import * as strings from 'SocialMediaHubWebPartStrings';
import { format } from '../common/format';

const n = (x: number): string => x.toLocaleString('en-GB');

/**
 * "45 of 120 characters", or how many too many: shown under every limited field as it is typed,
 * so nobody meets a limit for the first time when publishing. The limits are the domain's
 * (POLICY_LIMITS); this only words them.
 */
export function characterCount(length: number, max: number, template: string = strings.EditorCharacterCount): string {
  return length <= max ? format(template, n(length), n(max)) : format(strings.EditorCharacterCountOver, n(length), n(max), n(length - max));
}
