/**
 * Names and ids of a question's fields, from its item id: the same on every render, so a radio
 * group keeps its name while the learner answers, and tests can find a question's inputs.
 * An item appears at most once on any page, so the item id is enough to keep them unique.
 */
export function fieldName(itemId: string, ...parts: string[]): string {
  return ['q', itemId, ...parts].map((p) => p.replace(/[^A-Za-z0-9_-]/g, '_')).join('-')
}
