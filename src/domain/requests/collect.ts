import type { FieldResult } from './fields';
import type { FormProblem, Validated } from './types';

/** Gathers each field's value or problem, so a form reports every problem at once. */
export class Collector {
  public readonly problems: FormProblem[] = [];

  /** The field's value, or undefined after noting its problem under `path`. */
  public field<T>(path: string, result: FieldResult<T>): T | undefined {
    if (result.ok) return result.value;
    this.problems.push({ path, message: result.message });
    return undefined;
  }

  /** A group of fields checked together (a person, the staffed hours). */
  public group<T>(result: { value?: T; problems: FormProblem[] }): T | undefined {
    this.problems.push(...result.problems);
    return result.problems.length ? undefined : result.value;
  }

  public add(path: string, message: string): void {
    this.problems.push({ path, message });
  }

  /** The value built from the fields when nothing was wrong. */
  public result<T>(build: () => T): Validated<T> {
    return this.problems.length ? { ok: false, problems: this.problems } : { ok: true, value: build() };
  }
}
