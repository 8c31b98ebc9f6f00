import bffPackage from '../package.json' with { type: 'json' };

/** Deckhand's version, from the BFF's package.json (bundled at build time). */
export const VERSION: string = bffPackage.version;
