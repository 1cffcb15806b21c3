/** Escapes text for HTML: product titles and reasons come from the merchant's data. */
export function escape(value: unknown): string {
  return String(value)
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

/** Trusted markup, built by `html`. */
export class Markup {
  constructor(readonly text: string) {}
  toString(): string {
    return this.text;
  }
}

/** A template tag that escapes every interpolated value unless it is already `Markup` (or a list of it). */
export function html(strings: TemplateStringsArray, ...values: unknown[]): Markup {
  let text = strings[0] ?? '';
  values.forEach((value, index) => {
    const parts = Array.isArray(value) ? value : [value];
    for (const part of parts) text += part instanceof Markup ? part.text : escape(part ?? '');
    text += strings[index + 1] ?? '';
  });
  return new Markup(text);
}
