/**
 * The one schema for course files. It validates what authors write and its
 * output types are checked against the model in `src/domain/types.ts`, so the
 * two cannot drift apart. Build-time only: never imported by the app.
 */
import * as v from 'valibot'
import type { Blueprint, Item, Lesson, Passage } from '../domain/types.ts'

const ID_MESSAGE = 'use lower-case letters, digits and hyphens, starting with a letter (e.g. "l1-q01")'

const text = (what: string) => v.pipe(v.string(`${what} must be text`), v.trim(), v.nonEmpty(`${what} must not be empty`))
const id = v.pipe(v.string('the id must be text'), v.regex(/^[a-z][a-z0-9-]*$/, ID_MESSAGE))
const idList = (what: string) => v.pipe(v.array(id, `${what} must be a list of ids`), v.nonEmpty(`${what} must name at least one id`))
const positive = (what: string) => v.pipe(v.number(`${what} must be a number`), v.minValue(0, `${what} must not be negative`))

export const PassageSchema = v.strictObject({
  id: v.pipe(id, v.startsWith('p-', 'passage ids start with "p-"')),
  section: text('section'),
  text: text('text'),
})

export const BriefSchema = v.strictObject({
  id,
  title: text('title'),
  source: text('source'),
  summary: text('summary'),
  practiceCertainty: v.optional(v.boolean('practiceCertainty must be true or false')),
  passages: v.pipe(v.array(PassageSchema, 'passages must be a list'), v.nonEmpty('a brief needs at least one passage')),
})

export const LessonMetaSchema = v.strictObject({
  id,
  title: text('title'),
  order: v.pipe(v.number('order must be a number'), v.integer('order must be a whole number')),
  summary: text('summary'),
  minutes: v.pipe(v.number('minutes must be a number'), v.integer('minutes must be a whole number'), v.minValue(1, 'minutes must be at least 1')),
  objectives: v.pipe(
    v.array(v.strictObject({ id, text: text('objective text') }), 'objectives must be a list'),
    v.nonEmpty('a lesson needs at least one objective'),
  ),
  passages: idList('passages'),
})

const choice = v.strictObject({ id, text: text('option text'), feedback: v.optional(text('feedback')) })

const base = {
  id,
  stem: text('stem'),
  explanation: text('explanation'),
  passages: idList('passages'),
  objective: id,
  difficulty: v.picklist([1, 2, 3], 'difficulty must be 1, 2 or 3'),
  bloom: v.picklist(['remember', 'understand', 'apply', 'analyze', 'evaluate'], 'bloom must be remember, understand, apply, analyze or evaluate'),
  points: v.optional(v.pipe(v.number('points must be a number'), v.minValue(0.01, 'points must be more than 0'))),
  sealed: v.optional(v.literal(true, 'sealed can only be true (leave it out for an item practice and quizzes may draw)')),
}

const options = <T extends v.GenericSchema>(schema: T) =>
  v.pipe(v.array(schema, 'options must be a list'), v.minLength(2, 'give at least two options'))

export const ItemSchema = v.variant(
  'type',
  [
    v.strictObject({ ...base, type: v.literal('single'), options: options(choice), answer: id }),
    v.strictObject({
      ...base,
      type: v.literal('multiple'),
      options: options(v.strictObject({ ...choice.entries, weight: v.optional(v.number('weight must be a number')) })),
      answers: idList('answers'),
    }),
    v.strictObject({ ...base, type: v.literal('truefalse'), answer: v.boolean('answer must be true or false'), wrongFeedback: text('wrongFeedback') }),
    v.strictObject({
      ...base,
      type: v.literal('matching'),
      pairs: v.pipe(
        v.array(v.strictObject({ id, prompt: text('prompt'), match: text('match'), feedback: v.optional(text('feedback')) }), 'pairs must be a list'),
        v.minLength(2, 'give at least two pairs'),
      ),
      distractors: v.optional(v.array(v.strictObject({ id, text: text('distractor text') }), 'distractors must be a list')),
    }),
    v.strictObject({
      ...base,
      type: v.literal('ordering'),
      steps: v.pipe(v.array(v.strictObject({ id, text: text('step text') }), 'steps must be a list'), v.minLength(2, 'give at least two steps')),
      scoring: v.optional(
        v.picklist(['all-or-nothing', 'longest-ordered-subset', 'relative-to-next'], 'scoring must be all-or-nothing, longest-ordered-subset or relative-to-next'),
      ),
      wrongFeedback: v.optional(text('wrongFeedback')),
    }),
    v.strictObject({
      ...base,
      type: v.literal('categorize'),
      categories: v.pipe(v.array(v.strictObject({ id, label: text('label') }), 'categories must be a list'), v.minLength(2, 'give at least two categories')),
      statements: v.pipe(
        v.array(v.strictObject({ id, text: text('statement text'), category: id, feedback: v.optional(text('feedback')) }), 'statements must be a list'),
        v.minLength(2, 'give at least two statements'),
      ),
    }),
    v.strictObject({
      ...base,
      type: v.literal('cloze'),
      text: text('text'),
      blanks: v.pipe(
        v.array(
          v.strictObject({
            id,
            accept: v.pipe(v.array(text('accepted answer')), v.nonEmpty('accept must list at least one answer')),
            options: v.optional(v.pipe(v.array(text('option')), v.minLength(2, 'a drop-down needs at least two options'))),
            reject: v.optional(v.array(text('rejected answer'), 'reject must be a list')),
            caseSensitive: v.optional(v.boolean('caseSensitive must be true or false')),
            accentSensitive: v.optional(v.boolean('accentSensitive must be true or false')),
            feedback: v.optional(text('feedback')),
          }),
          'blanks must be a list',
        ),
        v.nonEmpty('a cloze item needs at least one blank'),
      ),
    }),
    v.strictObject({
      ...base,
      type: v.literal('short'),
      accept: v.pipe(v.array(text('accepted answer'), 'accept must be a list'), v.nonEmpty('accept must list at least one answer')),
      patterns: v.optional(v.array(text('pattern'), 'patterns must be a list')),
      partial: v.optional(
        v.array(
          v.strictObject({
            answer: text('answer'),
            fraction: v.pipe(v.number('fraction must be a number'), v.minValue(0, 'fraction must be 0..1'), v.maxValue(1, 'fraction must be 0..1')),
          }),
        ),
      ),
      reject: v.optional(v.array(text('rejected answer'), 'reject must be a list')),
      allowTypo: v.optional(v.boolean('allowTypo must be true or false')),
      caseSensitive: v.optional(v.boolean('caseSensitive must be true or false')),
      accentSensitive: v.optional(v.boolean('accentSensitive must be true or false')),
      wrongFeedback: text('wrongFeedback'),
    }),
    v.strictObject({
      ...base,
      type: v.literal('numeric'),
      answer: v.pipe(v.number('answer must be a number'), v.finite('answer must be a finite number')),
      tolerance: v.optional(v.strictObject({ absolute: v.optional(positive('absolute tolerance')), relative: v.optional(positive('relative tolerance')) })),
      units: v.optional(v.array(text('unit'), 'units must be a list')),
      unitsCaseSensitive: v.optional(v.boolean('unitsCaseSensitive must be true or false')),
      wrongFeedback: text('wrongFeedback'),
    }),
    v.strictObject({
      ...base,
      type: v.literal('freetext'),
      rubric: v.pipe(
        v.array(
          v.strictObject({
            id,
            text: text('criterion text'),
            points: v.pipe(v.number('points must be a number'), v.minValue(0.01, 'points must be more than 0')),
            concepts: v.pipe(v.array(v.pipe(v.array(text('synonym')), v.nonEmpty('a concept needs at least one word'))), v.nonEmpty('list at least one concept')),
          }),
          'rubric must be a list',
        ),
        v.nonEmpty('a rubric needs at least one criterion'),
      ),
      modelAnswer: text('modelAnswer'),
      minWords: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1))),
    }),
  ],
  'type must be one of single, multiple, truefalse, matching, ordering, categorize, cloze, short, numeric, freetext',
)

export const BankSchema = v.strictObject({
  lesson: id,
  items: v.pipe(v.array(ItemSchema, 'items must be a list'), v.nonEmpty('a bank needs at least one item')),
})

const reviewParts = v.array(v.picklist(['score', 'responses', 'feedback', 'correct'], 'review parts are score, responses, feedback, correct'))

/** When the afterLastAttempt review opens early: on a pass, after N submitted attempts, or both. */
const fullReviewWhen = v.pipe(
  v.strictObject(
    {
      passed: v.optional(v.literal(true, 'fullReviewWhen.passed can only be true (leave it out to wait for attempts only)')),
      attempts: v.optional(
        v.pipe(
          v.number('fullReviewWhen.attempts must be a number'),
          v.integer('fullReviewWhen.attempts must be a whole number'),
          v.minValue(1, 'fullReviewWhen.attempts must be at least 1'),
        ),
      ),
    },
    'fullReviewWhen must be a mapping such as { passed: true, attempts: 3 }',
  ),
  v.check((when) => when.passed !== undefined || when.attempts !== undefined, 'fullReviewWhen needs passed: true, attempts: N, or both'),
)

export const BlueprintSchema = v.strictObject({
  id,
  title: text('title'),
  kind: v.picklist(['quiz', 'final'], 'kind must be quiz or final'),
  description: v.optional(text('description')),
  draws: v.pipe(
    v.array(
      v.strictObject({
        lesson: v.optional(id),
        objective: v.optional(id),
        difficulty: v.optional(v.array(v.picklist([1, 2, 3], 'difficulty must be 1, 2 or 3'))),
        count: v.pipe(v.number('count must be a number'), v.integer('count must be a whole number'), v.minValue(1, 'count must be at least 1')),
      }),
      'draws must be a list',
    ),
    v.nonEmpty('a blueprint needs at least one draw'),
  ),
  timeLimit: v.optional(v.pipe(v.number('timeLimit must be minutes'), v.minValue(1, 'timeLimit must be at least 1 minute'))),
  passMark: v.pipe(v.number('passMark must be a number'), v.minValue(0, 'passMark is a fraction 0..1'), v.maxValue(1, 'passMark is a fraction 0..1 (write 0.7 for 70%)')),
  maxAttempts: v.optional(v.pipe(v.number(), v.integer('maxAttempts must be a whole number'), v.minValue(1, 'maxAttempts must be at least 1'))),
  gradingMethod: v.picklist(['highest', 'first', 'last', 'average'], 'gradingMethod must be highest, first, last or average'),
  negativeMarking: v.optional(v.boolean('negativeMarking must be true or false')),
  certainty: v.optional(v.boolean('certainty must be true or false')),
  passOn: v.optional(v.picklist(['accuracy', 'cbm'], 'passOn must be accuracy or cbm')),
  shuffleOptions: v.boolean('shuffleOptions must be true or false'),
  review: v.strictObject({ afterSubmit: reviewParts, afterLastAttempt: reviewParts, fullReviewWhen: v.optional(fullReviewWhen) }),
  sealed: v.optional(v.literal(true, 'sealed can only be true (leave it out for an assessment whose results show at once)')),
})

export const BlueprintsFileSchema = v.strictObject({
  blueprints: v.pipe(v.array(BlueprintSchema, 'blueprints must be a list'), v.nonEmpty('list at least one blueprint')),
})

// Compile-time proof that the schema produces exactly the domain model.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false
type Assert<T extends true> = T
export type SchemaMatchesModel = [
  Assert<Same<v.InferOutput<typeof PassageSchema>, Passage>>,
  Assert<Same<v.InferOutput<typeof ItemSchema>, Item>>,
  Assert<Same<v.InferOutput<typeof BlueprintSchema>, Blueprint>>,
  Assert<Same<v.InferOutput<typeof LessonMetaSchema>, Omit<Lesson, 'html'>>>,
]
