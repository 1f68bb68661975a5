/**
 * One small item of every type for the question renderers' tests (kept apart from
 * tests/fixtures/items.ts, which the domain tests own).
 */
import type {
  CategorizeItem,
  ClozeItem,
  FreeTextItem,
  Item,
  MatchingItem,
  MultipleResponseItem,
  NumericItem,
  OrderingItem,
  Passage,
  ShortTextItem,
  SingleChoiceItem,
  TrueFalseItem,
} from '../../../src/domain/types.ts'

const base: Pick<SingleChoiceItem, 'explanation' | 'passages' | 'objective' | 'difficulty' | 'bloom'> = {
  explanation: 'The brief says so in its first paragraph.',
  passages: ['p-event'],
  objective: 'o1',
  difficulty: 1,
  bloom: 'understand',
}

export const single: SingleChoiceItem = {
  ...base, id: 'q-single', type: 'single', stem: 'How certain is the deployment?',
  options: [
    { id: 'a', text: 'Reported' },
    { id: 'b', text: 'Confirmed' },
    { id: 'c', text: 'Denied' },
  ],
  answer: 'a',
}

export const multiple: MultipleResponseItem = {
  ...base, id: 'q-multiple', type: 'multiple', stem: 'Which technologies are named?',
  options: [
    { id: 'a', text: 'Drones' },
    { id: 'b', text: 'Missiles' },
    { id: 'c', text: 'Submarines' },
  ],
  answers: ['a', 'b'],
}

export const truefalse: TrueFalseItem = {
  ...base, id: 'q-tf', type: 'truefalse', stem: 'The submarine help is confirmed.', answer: false,
  wrongFeedback: 'The brief calls it unconfirmed.',
}

export const matching: MatchingItem = {
  ...base, id: 'q-matching', type: 'matching', stem: 'Match each actor to its role.',
  pairs: [
    { id: 'p1', prompt: 'The ministry', match: 'Announces' },
    { id: 'p2', prompt: 'The navy', match: 'Deploys' },
    { id: 'p3', prompt: 'The press office', match: 'Announces' },
  ],
  distractors: [{ id: 'd1', text: 'Denies' }],
}

export const ordering: OrderingItem = {
  ...base, id: 'q-ordering', type: 'ordering', stem: 'Put the events in order.',
  steps: [
    { id: 's1', text: 'Flood' },
    { id: 's2', text: 'Evacuation' },
    { id: 's3', text: 'Relief' },
    { id: 's4', text: 'Rebuilding' },
  ],
}

export const categorize: CategorizeItem = {
  ...base, id: 'q-categorize', type: 'categorize', stem: 'Sort the claims by how sure the brief is.',
  categories: [
    { id: 'sure', label: 'Confirmed' },
    { id: 'unsure', label: 'Reported' },
  ],
  statements: [
    { id: 't1', text: 'The river burst its banks.', category: 'sure' },
    { id: 't2', text: 'Help is on its way.', category: 'unsure' },
  ],
}

export const cloze: ClozeItem = {
  ...base, id: 'q-cloze', type: 'cloze', stem: 'Complete the summary.',
  text: 'The river rose for {{b1}} days and the town was {{b2}}.',
  blanks: [
    { id: 'b1', accept: ['three', '3'] },
    { id: 'b2', accept: ['evacuated'], options: ['evacuated', 'rebuilt', 'ignored'] },
  ],
}

export const short: ShortTextItem = {
  ...base, id: 'q-short', type: 'short', stem: 'Which river flooded?', accept: ['Severn'],
  wrongFeedback: 'Look at the first line.',
}

export const numeric: NumericItem = {
  ...base, id: 'q-numeric', type: 'numeric', stem: 'How many months will rebuilding take?', answer: 18,
  units: ['months', 'month'], wrongFeedback: 'See the outlook.',
}

export const freetext: FreeTextItem = {
  ...base, id: 'q-freetext', type: 'freetext', stem: 'Why does the brief expect more floods?',
  rubric: [{ id: 'r1', text: 'Names the cause', points: 2, concepts: [['rain'], ['levee', 'embankment']] }],
  modelAnswer: 'Heavy rain and weak levees.', minWords: 5,
}

export const everyItem: Item[] = [single, multiple, truefalse, matching, ordering, categorize, cloze, short, numeric, freetext]

export const passages: Passage[] = [
  { id: 'p-event', section: 'Event', text: 'The river burst its banks on Monday.' },
  { id: 'p-outlook', section: 'Outlook', text: 'Rebuilding is expected to take 18 months.' },
]
