/**
 * The grading rules the formats must agree with (a multiple-response item's default weights, an
 * item's maximum), from src/domain/grading. That is domain code, which the domain zone means to
 * allow ('!../grading/*' in eslint.config.js), but the exception does not take effect for a
 * folder inside src/domain, so this one import carries the disable (reported to the lead).
 */
// eslint-disable-next-line no-restricted-imports -- src/domain/grading is src/domain; see above
export { itemMax, optionWeights } from '../grading/index.ts'
