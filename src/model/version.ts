/** Version of the canonical model carried by serialized canonical documents. */
export const canonicalVersion = 1 as const;

/** The canonical model version as a type. */
export type CanonicalVersion = typeof canonicalVersion;
