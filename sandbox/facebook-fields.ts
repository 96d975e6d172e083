/** Graph's `fields=` syntax, one level deep: `name,access_token,instagram_business_account{id}`. */

/** One requested field and, for `field{a,b}`, its subfields. */
export interface RequestedField {
  readonly name: string;
  readonly subfields: readonly string[];
}

/** Splits `fields` at the commas outside braces; `undefined` or blank gives `fallback`. */
export function parseFields(fields: string | undefined, fallback: string): RequestedField[] {
  const text = fields === undefined || fields.trim() === '' ? fallback : fields;
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const char of text) {
    if (char === '{') depth += 1;
    if (char === '}') depth = Math.max(0, depth - 1);
    if (char === ',' && depth === 0) {
      parts.push(current);
      current = '';
    } else {
      current += char;
    }
  }
  parts.push(current);
  return parts
    .map((part) => part.trim())
    .filter((part) => part !== '')
    .map((part) => {
      const match = /^([A-Za-z_]+)\{(.*)\}$/.exec(part);
      if (match === null) return { name: part, subfields: [] };
      const subfields = (match[2] ?? '')
        .split(',')
        .map((name) => name.trim())
        .filter((name) => name !== '');
      return { name: match[1] ?? part, subfields };
    });
}
