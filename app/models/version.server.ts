/** Published versions. Until review and publishing land, no framework has one. */

/** The latest published version number of an MDO's framework, or null when none is published. */
export function getPublishedVersionNumber(_: { mdoId: string }): number | null {
  return null;
}
