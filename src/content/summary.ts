/** The numbers `content:check --json` reports for one course. */
import { ITEM_TYPES, type Course, type ItemType } from '../domain/types.ts'

export interface ContentSummary {
  id: string
  lessons: { id: string; title: string; objectives: number; items: number }[]
  items: number
  itemsByType: Record<ItemType, number>
  beyondRecall: number
  passages: { id: string; items: number }[]
  objectives: { id: string; items: number }[]
  blueprints: { id: string; kind: string; items: number; timeLimit: number | null }[]
}

export function summarizeContent(course: Course): ContentSummary {
  const items = course.banks.flatMap((b) => b.items)
  const itemsByType = Object.fromEntries(ITEM_TYPES.map((t) => [t, items.filter((i) => i.type === t).length])) as Record<ItemType, number>
  return {
    id: course.id,
    lessons: course.lessons.map((l) => ({
      id: l.id,
      title: l.title,
      objectives: l.objectives.length,
      items: course.banks.find((b) => b.lesson === l.id)?.items.length ?? 0,
    })),
    items: items.length,
    itemsByType,
    beyondRecall: items.filter((i) => i.bloom !== 'remember').length,
    passages: course.passages.map((p) => ({ id: p.id, items: items.filter((i) => i.passages.includes(p.id)).length })),
    objectives: course.lessons.flatMap((l) => l.objectives).map((o) => ({ id: o.id, items: items.filter((i) => i.objective === o.id).length })),
    blueprints: course.blueprints.map((b) => ({
      id: b.id,
      kind: b.kind,
      items: b.draws.reduce((n, d) => n + d.count, 0),
      timeLimit: b.timeLimit ?? null,
    })),
  }
}
