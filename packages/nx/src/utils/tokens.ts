/**
 * The offline token estimate, about four characters a token for English and code: the unit of the context
 * budget, and a prompt's size (or an answer's, while it streams) where the API has not counted it.
 */
export function estimateTokens(characters: number): number {
  return Math.ceil(characters / 4);
}
