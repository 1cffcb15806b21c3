/** A product's place in the catalogue, its categories and brand: what affinities are attributed to. */
export interface ProductTaxonomy {
  readonly categories: readonly string[];
  readonly brand?: string;
}
