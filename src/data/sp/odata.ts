// Values that go into OData $filter strings. Nothing from a person reaches a filter unescaped.

/** A string literal for $filter: single quotes doubled, as OData requires. */
export function odataString(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

/** A number literal for $filter; refuses NaN/Infinity rather than sending "NaN". */
export function odataNumber(value: number): string {
  if (!Number.isFinite(value)) throw new Error(`Not a number for a filter: ${value}`);
  return String(value);
}
