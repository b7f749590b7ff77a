import { fieldId } from './problems';

/** What every field of the editor needs: its error (once it should show), blur tracking, lock while publishing. */
export interface FieldFeedback {
  /** The problem for this path, only once the field was left or a publish was attempted. */
  error(path: string): string | undefined;
  /** The field at this path was left: from now on its problems show. */
  touch(path: string): void;
  disabled: boolean;
}

/** Props every TextField of the editor gets for a path. */
export function fieldProps(f: FieldFeedback, path: string): { id: string; errorMessage?: string; onBlur(): void; disabled: boolean } {
  return { id: fieldId(path), errorMessage: f.error(path), onBlur: () => f.touch(path), disabled: f.disabled };
}
