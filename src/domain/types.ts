/**
 * The course model shared by the content loader, the engine and the app.
 *
 * These are plain data types. `src/content/schema.ts` validates files into
 * exactly these shapes (a compile-time check there keeps the two in step).
 */

export type Bloom = 'remember' | 'understand' | 'apply' | 'analyze' | 'evaluate'
export type Difficulty = 1 | 2 | 3

/** One paragraph of the brief, with a stable id that items cite as evidence. */
export interface Passage {
  id: string
  /** The brief's own heading for the part this paragraph belongs to, e.g. "Significance". */
  section: string
  text: string
}

export interface Objective {
  id: string
  text: string
}

export interface Lesson {
  id: string
  title: string
  order: number
  summary: string
  minutes: number
  objectives: Objective[]
  passages: string[]
  /** Sanitised HTML rendered at build time; passage cards are already expanded. */
  html: string
}

export interface Choice {
  id: string
  text: string
  /** Why choosing this option is right or wrong. */
  feedback?: string
}

interface ItemBase {
  /** Stable forever: responses and statistics are keyed by it. */
  id: string
  stem: string
  explanation: string
  passages: string[]
  objective: string
  difficulty: Difficulty
  bloom: Bloom
  /** Maximum score; defaults to 1, and to the rubric's total for free text (see `itemMax`). */
  points?: number
  /**
   * Reserved for sealed assessments (docs/sealed-assessments.md): only a sealed blueprint draws
   * it, and learners' devices get it only as a stub (`sealed.ts`).
   */
  sealed?: true
}

export interface SingleChoiceItem extends ItemBase {
  type: 'single'
  options: Choice[]
  answer: string
}

export interface MultipleResponseItem extends ItemBase {
  type: 'multiple'
  options: (Choice & {
    /**
     * Optional fraction of the item's points this option is worth when ticked
     * (positive for right options, negative for wrong ones). Unset weights
     * follow the default rule in the grading module.
     */
    weight?: number
  })[]
  answers: string[]
}

export interface TrueFalseItem extends ItemBase {
  type: 'truefalse'
  answer: boolean
  /** Shown when the learner picks the wrong value. */
  wrongFeedback: string
}

export interface MatchingItem extends ItemBase {
  type: 'matching'
  /** Each prompt's right match is the pair's `match`. */
  pairs: { id: string; prompt: string; match: string; feedback?: string }[]
  /** Extra matches that belong to no prompt. */
  distractors?: { id: string; text: string }[]
}

export type OrderingScoring = 'all-or-nothing' | 'longest-ordered-subset' | 'relative-to-next'

export interface OrderingItem extends ItemBase {
  type: 'ordering'
  /** In the correct order. */
  steps: { id: string; text: string }[]
  /** Moodle's grading type by name; `longest-ordered-subset` when absent (see grading/ordering.ts). */
  scoring?: OrderingScoring
  wrongFeedback?: string
}

export interface CategorizeItem extends ItemBase {
  type: 'categorize'
  categories: { id: string; label: string }[]
  statements: { id: string; text: string; category: string; feedback?: string }[]
}

export interface ClozeBlank {
  id: string
  /** Accepted answers (normalised like short text). */
  accept: string[]
  /** When present the blank is a drop-down of these choices instead of a text box. */
  options?: string[]
  /** Known wrong answers: a typed answer equal to one is wrong even if it matches a key (for typed blanks). */
  reject?: string[]
  /** Compare a typed answer's case exactly (default false), as in short text. */
  caseSensitive?: boolean
  /** Compare a typed answer's Latin diacritics exactly (default false), as in short text. */
  accentSensitive?: boolean
  feedback?: string
}

export interface ClozeItem extends ItemBase {
  type: 'cloze'
  /** Text with blanks written as `{{blankId}}`. */
  text: string
  blanks: ClozeBlank[]
}

export interface ShortTextItem extends ItemBase {
  type: 'short'
  accept: string[]
  /** Regular expressions matched against the whole normalised answer (anchored; case-insensitive unless `caseSensitive`). */
  patterns?: string[]
  /** Partly-right answers and the fraction of the points each earns. */
  partial?: { answer: string; fraction: number }[]
  /** Known wrong answers: an answer equal to one is wrong even if a pattern or a typo would accept it. */
  reject?: string[]
  /** Accept one typo (edit distance 1) for answers of 5 or more characters. */
  allowTypo?: boolean
  /** Compare case exactly (default false: case ignored). */
  caseSensitive?: boolean
  /** Compare Latin diacritics exactly (default false: "Kyïv" equals "Kyiv"). */
  accentSensitive?: boolean
  wrongFeedback: string
}

export interface NumericItem extends ItemBase {
  type: 'numeric'
  answer: number
  tolerance?: { absolute?: number; relative?: number }
  /** Units the learner may write after the number, e.g. ["months", "month"]. */
  units?: string[]
  /** Compare units with their case ("mm" is not "Mm"); default false: case ignored. */
  unitsCaseSensitive?: boolean
  wrongFeedback: string
}

export interface RubricCriterion {
  id: string
  text: string
  points: number
  /** Each concept is a list of synonyms; a concept is found when any synonym appears. */
  concepts: string[][]
}

export interface FreeTextItem extends ItemBase {
  type: 'freetext'
  rubric: RubricCriterion[]
  modelAnswer: string
  minWords?: number
}

export type Item =
  | SingleChoiceItem
  | MultipleResponseItem
  | TrueFalseItem
  | MatchingItem
  | OrderingItem
  | CategorizeItem
  | ClozeItem
  | ShortTextItem
  | NumericItem
  | FreeTextItem

export type ItemType = Item['type']

export const ITEM_TYPES: readonly ItemType[] = [
  'single',
  'multiple',
  'truefalse',
  'matching',
  'ordering',
  'categorize',
  'cloze',
  'short',
  'numeric',
  'freetext',
]

/** An item together with the content hash that is its version. */
export type VersionedItem = Item & { version: string; lesson: string }

export interface Bank {
  lesson: string
  items: VersionedItem[]
}

export type GradingMethod = 'highest' | 'first' | 'last' | 'average'

/** What the learner may see of a submitted attempt. */
export type ReviewPart = 'score' | 'responses' | 'feedback' | 'correct'

/**
 * When the `afterLastAttempt` review opens before the attempts run out: once the learner has
 * passed (`passed: true`), or has submitted at least `attempts` attempts, whichever comes first.
 */
export interface FullReviewWhen {
  passed?: true
  attempts?: number
}

export interface ReviewPolicy {
  /** Shown right after the learner submits. */
  afterSubmit: ReviewPart[]
  /** Shown once the learner has no attempts left, or earlier as `fullReviewWhen` says. */
  afterLastAttempt: ReviewPart[]
  /** Absent: the `afterLastAttempt` parts wait until no attempts are left (never, when unlimited). */
  fullReviewWhen?: FullReviewWhen
}

export interface BlueprintDraw {
  lesson?: string
  objective?: string
  difficulty?: Difficulty[]
  count: number
}

export interface Blueprint {
  id: string
  title: string
  kind: 'quiz' | 'final'
  description?: string
  draws: BlueprintDraw[]
  /** Minutes; absent means untimed. */
  timeLimit?: number
  /** Fraction of the maximum score needed to pass, 0..1. */
  passMark: number
  /** Absent means unlimited. */
  maxAttempts?: number
  gradingMethod: GradingMethod
  negativeMarking?: boolean
  /** Certainty-based marking (src/domain/cbm.ts): every answer carries a certainty 1..3. */
  certainty?: boolean
  /** What the pass mark applies to: plain accuracy (the default) or accuracy + CBM bonus (needs `certainty`). */
  passOn?: 'accuracy' | 'cbm'
  shuffleOptions: boolean
  review: ReviewPolicy
  /**
   * Sealed (docs/sealed-assessments.md): draws only sealed items; learners get stubs, their
   * attempts are graded on the instructor's device, and results show once released.
   */
  sealed?: true
}

export interface Course {
  id: string
  title: string
  source: string
  summary: string
  /** Practice asks for a certainty with each answer (feeds the review schedule); off when absent. */
  practiceCertainty?: boolean
  passages: Passage[]
  lessons: Lesson[]
  banks: Bank[]
  blueprints: Blueprint[]
}

export type { Answer, Attempt, AttemptMode, AttemptSlot, ManualGrade, SavedResponse } from './attemptTypes.ts'
