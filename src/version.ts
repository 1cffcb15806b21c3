/** Attune's version, as in package.json. */
export const ATTUNE_VERSION = '0.1.0';
