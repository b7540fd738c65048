/** Kept equal to package.json's version by a test; the core cannot read package.json itself. */
export const ADDIN_VERSION = "0.1.0";
/** The edition of the rules catalogue: bump when a rule's result for the same inputs changes. */
export const CATALOGUE_EDITION = "2026.1";
