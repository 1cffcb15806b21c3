/** Words of two letters or more, lower-case, as listings match them. */
function words(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length >= 2);
}

/**
 * How well a product's title and description answer a text query, 0..1: the share of the query's
 * words found (a title word counts fully, a description word half; a word matches a product word
 * it begins, so "mug" finds "mugs"). 0 means not a match.
 */
export function textRelevance(query: string, title: string, description = ''): number {
  const wanted = [...new Set(words(query))];
  if (wanted.length === 0) return 0;
  const titleWords = words(title);
  const descriptionWords = words(description);
  let found = 0;
  for (const word of wanted) {
    if (titleWords.some((other) => other.startsWith(word))) found += 1;
    else if (descriptionWords.some((other) => other.startsWith(word))) found += 0.5;
  }
  return found / wanted.length;
}
