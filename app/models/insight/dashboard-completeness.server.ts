/**
 * PLACEHOLDER: the completeness column of the CBC dashboard, until the completeness model lands
 * (tag completeness-ready). It answers null ("not measured yet") for every framework; it must be
 * replaced by the real score before this branch ships.
 */
export function completenessScore(_input: { mdoId: string; frameworkId: string; revision: number }): number | null {
  return null;
}
