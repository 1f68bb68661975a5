/**
 * The grading rules the formats must agree with (a multiple-response item's default weights, an
 * item's maximum), from src/domain/grading.
 */
export { itemMax, optionWeights } from '../grading/index.ts'
