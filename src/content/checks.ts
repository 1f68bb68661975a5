/**
 * Checks that span files: ids, references, answer keys, coverage and whether
 * each blueprint can be drawn. Each problem points at the line to fix.
 */
import { checkBlueprint, drawMatches } from '../domain/assembly.ts'
import { patternProblem } from '../domain/grading/patternSafety.ts'
import type { Bank, Blueprint, Course, Item, Lesson } from '../domain/types.ts'
import { BANK_RULES, courseTrueFalseBalance, dropdownOrder, itemWarnings, nearDuplicates, unshuffledBlueprint } from './itemWriting.ts'
import type { Path, Problem, YamlSource } from './source.ts'

/** Minimums that make a course worth assessing (DESIGN.md, issue 3). */
export const MIN_ITEMS_PER_PASSAGE = 2
export const MIN_ITEMS_PER_OBJECTIVE = 3

interface CourseFiles {
  course: Course
  brief: YamlSource
  lessons: { lesson: Lesson; source: YamlSource; quoted: string[] }[]
  banks: { bank: Bank; source: YamlSource }[]
  blueprints: { list: Blueprint[]; source: YamlSource } | undefined
  questionDir: string
}

export function checkCourse(files: CourseFiles): Problem[] {
  const problems: Problem[] = []
  const passageIds = new Set(files.course.passages.map((p) => p.id))
  const lessonIds = new Map<string, Lesson>()
  const objectiveLesson = new Map<string, string>()

  for (const { lesson, source, quoted } of files.lessons) {
    if (lessonIds.has(lesson.id)) problems.push(source.problem(['id'], `duplicate lesson id "${lesson.id}"`))
    lessonIds.set(lesson.id, lesson)
    lesson.objectives.forEach((o, i) => {
      if (objectiveLesson.has(o.id)) problems.push(source.problem(['objectives', i, 'id'], `duplicate objective id "${o.id}"`))
      else objectiveLesson.set(o.id, lesson.id)
    })
    lesson.passages.forEach((p, i) => {
      if (!passageIds.has(p)) problems.push(source.problem(['passages', i], `unknown passage "${p}"`))
      else if (!quoted.includes(p)) problems.push(source.problem(['passages', i], `passage "${p}" is listed but never quoted: add a line [[passage:${p}]] to the body`))
    })
    for (const p of new Set(quoted)) {
      if (passageIds.has(p) && !lesson.passages.includes(p)) {
        problems.push(source.problem(['passages'], `the body quotes "${p}" but passages does not list it`))
      }
    }
  }

  const itemCount = { passage: new Map<string, number>(), objective: new Map<string, number>() }
  const itemIds = new Set<string>()
  const bankLessons = new Set<string>()
  for (const { bank, source } of files.banks) {
    if (!lessonIds.has(bank.lesson)) problems.push(source.problem(['lesson'], `unknown lesson "${bank.lesson}"`))
    if (bankLessons.has(bank.lesson)) problems.push(source.problem(['lesson'], `another bank is already for lesson "${bank.lesson}"`))
    bankLessons.add(bank.lesson)
    bank.items.forEach((item, i) => {
      const at = (...rest: Path) => ['items', i, ...rest]
      if (itemIds.has(item.id)) problems.push(source.problem(at('id'), `duplicate item id "${item.id}"`))
      itemIds.add(item.id)
      item.passages.forEach((p, j) => {
        if (!passageIds.has(p)) problems.push(source.problem(at('passages', j), `unknown passage "${p}"`))
        itemCount.passage.set(p, (itemCount.passage.get(p) ?? 0) + 1)
      })
      const owner = objectiveLesson.get(item.objective)
      if (!owner) problems.push(source.problem(at('objective'), `unknown objective "${item.objective}"`))
      else if (owner !== bank.lesson) problems.push(source.problem(at('objective'), `objective "${item.objective}" belongs to lesson "${owner}", not "${bank.lesson}"`))
      itemCount.objective.set(item.objective, (itemCount.objective.get(item.objective) ?? 0) + 1)
      for (const [path, message] of checkItem(item)) problems.push(source.problem(at(...path), message))
    })
  }

  for (const p of files.course.passages) {
    const n = itemCount.passage.get(p.id) ?? 0
    if (n < MIN_ITEMS_PER_PASSAGE) {
      const index = files.course.passages.indexOf(p)
      problems.push(files.brief.problem(['passages', index, 'id'], `passage "${p.id}" is supported by ${n} item(s); every passage needs at least ${MIN_ITEMS_PER_PASSAGE}`))
    }
  }
  for (const { lesson, source } of files.lessons) {
    lesson.objectives.forEach((o, i) => {
      const n = itemCount.objective.get(o.id) ?? 0
      if (n < MIN_ITEMS_PER_OBJECTIVE) problems.push(source.problem(['objectives', i, 'id'], `objective "${o.id}" is tested by ${n} item(s); it needs at least ${MIN_ITEMS_PER_OBJECTIVE}`))
    })
  }

  if (!files.blueprints) {
    problems.push({ file: `${files.questionDir}/blueprints.yaml`, line: 1, field: '', message: 'missing: every course needs a blueprints.yaml with its assessments' })
    return problems
  }
  const { list, source } = files.blueprints
  const blueprintIds = new Set<string>()
  list.forEach((blueprint, i) => {
    if (blueprintIds.has(blueprint.id)) problems.push(source.problem(['blueprints', i, 'id'], `duplicate blueprint id "${blueprint.id}"`))
    blueprintIds.add(blueprint.id)
    if (blueprint.passOn === 'cbm' && blueprint.certainty !== true) {
      problems.push(source.problem(['blueprints', i, 'passOn'], `blueprint "${blueprint.id}" passes on cbm but does not ask for certainty: add certainty: true, or write passOn: accuracy`))
    }
    blueprint.draws.forEach((draw, j) => {
      if (draw.lesson && !lessonIds.has(draw.lesson)) problems.push(source.problem(['blueprints', i, 'draws', j, 'lesson'], `unknown lesson "${draw.lesson}"`))
      if (draw.objective && !objectiveLesson.has(draw.objective)) problems.push(source.problem(['blueprints', i, 'draws', j, 'objective'], `unknown objective "${draw.objective}"`))
    })
    for (const issue of checkBlueprint(blueprint, files.course.banks)) {
      problems.push(source.problem(['blueprints', i, 'draws', issue.drawIndex], issue.message))
    }
  })
  return problems
}

/** Item-writing warnings of a course's banks (rules in itemWriting.ts), each at its line. */
export function checkItemWriting(banks: { bank: Bank; source: YamlSource }[], blueprints: readonly Blueprint[] = []): Problem[] {
  const warnings: Problem[] = []
  const warn = (source: YamlSource, path: Path, f: { rule: string; message: string }) => warnings.push({ ...source.problem(path, f.message), rule: f.rule })
  const all: { source: YamlSource; index: number; item: Item }[] = []
  for (const { bank, source } of banks) {
    for (const rule of BANK_RULES) for (const f of rule(bank)) warn(source, f.path, f)
    bank.items.forEach((item, i) => {
      all.push({ source, index: i, item })
      const unshuffledBy = unshuffledBlueprint(item, bank.lesson, blueprints)
      for (const f of [...itemWarnings(item), ...dropdownOrder(item, unshuffledBy)]) warn(source, ['items', i, ...f.path], f)
      const unreachable = unreachableSealed(item, bank.lesson, blueprints)
      if (unreachable !== undefined) warnings.push(source.problem(['items', i, 'sealed'], unreachable))
    })
  }
  const items = all.map((a) => a.item)
  for (const { index, finding } of [...nearDuplicates(items), ...courseTrueFalseBalance(items)]) {
    const at = all[index]!
    warn(at.source, ['items', at.index, ...finding.path], finding)
  }
  return warnings
}

/** A sealed item that no sealed blueprint can draw (no one would ever see it): the warning, or undefined. */
function unreachableSealed(item: Item, lesson: string, blueprints: readonly Blueprint[]): string | undefined {
  if (item.sealed !== true) return undefined
  const withLesson = { ...item, lesson }
  if (blueprints.some((bp) => bp.sealed === true && bp.draws.some((d) => drawMatches(withLesson, d, true)))) return undefined
  return 'this item is reserved for sealed assessments (sealed: true), but no sealed blueprint draws it, and practice and quizzes never do: remove `sealed: true`, or add a draw for it to a sealed blueprint'
}

function duplicates(ids: string[]): string[] {
  return ids.filter((id, i) => ids.indexOf(id) !== i)
}

/** What `npm run bank:import` writes where the imported file had no text (src/domain/bankFormats/common.ts). */
const PLACEHOLDER = /^TODO:/u

/** Every text in `value` still holding bank:import's placeholder, with its path. */
function placeholders(value: unknown, path: Path, out: [Path, string][]): void {
  if (typeof value === 'string') {
    if (PLACEHOLDER.test(value)) out.push([path, 'is still the placeholder "TODO: …" that bank:import wrote: write this text, then run the check again'])
  } else if (Array.isArray(value)) value.forEach((v, i) => placeholders(v, [...path, i], out))
  else if (typeof value === 'object' && value !== null) for (const [k, v] of Object.entries(value)) placeholders(v, [...path, k], out)
}

/** Problems inside one item, as [path within the item, message]. */
export function checkItem(item: Item): [Path, string][] {
  const out: [Path, string][] = []
  placeholders(item, [], out)
  const dupes = (path: string, ids: string[]) => duplicates(ids).forEach((id) => out.push([[path], `duplicate id "${id}"`]))
  switch (item.type) {
    case 'single': {
      dupes('options', item.options.map((o) => o.id))
      if (!item.options.some((o) => o.id === item.answer)) out.push([['answer'], `names option "${item.answer}", which this item does not have`])
      break
    }
    case 'multiple': {
      dupes('options', item.options.map((o) => o.id))
      item.answers.forEach((a, i) => {
        if (!item.options.some((o) => o.id === a)) out.push([['answers', i], `names option "${a}", which this item does not have`])
      })
      break
    }
    case 'matching':
      dupes('pairs', [...item.pairs.map((p) => p.id), ...(item.distractors ?? []).map((d) => d.id)])
      break
    case 'ordering':
      dupes('steps', item.steps.map((s) => s.id))
      break
    case 'categorize': {
      dupes('categories', item.categories.map((c) => c.id))
      dupes('statements', item.statements.map((s) => s.id))
      item.statements.forEach((s, i) => {
        if (!item.categories.some((c) => c.id === s.category)) out.push([['statements', i, 'category'], `names category "${s.category}", which this item does not have`])
      })
      break
    }
    case 'cloze': {
      const inText = [...item.text.matchAll(/\{\{([^}]*)\}\}/g)].map((m) => (m[1] ?? '').trim())
      dupes('blanks', item.blanks.map((b) => b.id))
      inText.filter((id) => !item.blanks.some((b) => b.id === id)).forEach((id) => out.push([['text'], `has a blank {{${id}}} with no entry in blanks`]))
      item.blanks.forEach((b, i) => {
        if (!inText.includes(b.id)) out.push([['blanks', i, 'id'], `blank "${b.id}" does not appear in the text as {{${b.id}}}`])
        if (b.options && !b.accept.some((a) => b.options!.includes(a))) out.push([['blanks', i, 'options'], 'none of the options is an accepted answer'])
      })
      break
    }
    case 'short':
      (item.patterns ?? []).forEach((p, i) => {
        const unsafe = patternProblem(p)
        if (unsafe !== undefined) return void out.push([['patterns', i], unsafe])
        try {
          new RegExp(p, 'iu')
        } catch {
          out.push([['patterns', i], `is not a valid regular expression: ${p}`])
        }
      })
      break
    default:
      break
  }
  return out
}
