import { describe, expect, it } from 'vitest'
import { useLearnerStore } from '../../../src/stores/learner.ts'
import { storeHarness } from './storeHarness.ts'

describe('a typed profile name follows the same rule as an imported one (names.ts)', () => {
  it('removes bidi controls and zero-width characters before saving', async () => {
    await storeHarness()
    const learner = useLearnerStore()
    await learner.load()
    const created = await learner.create('Ben\u202E dessap\u200B', 1, 'ben')
    expect(created.name).toBe('Ben dessap')
  })

  it('refuses a name that is only invisible characters', async () => {
    await storeHarness()
    await expect(useLearnerStore().create('\u200B\u2066\u2069', 1, 'x')).rejects.toThrow('Please type a name for the profile.')
  })

  it('refuses a name over 60 characters', async () => {
    await storeHarness()
    await expect(useLearnerStore().create('A'.repeat(61), 1, 'x')).rejects.toThrow('60 characters or fewer')
  })

  it('treats a name differing only by a zero-width character as the same name', async () => {
    await storeHarness()
    const learner = useLearnerStore()
    await learner.load()
    await expect(learner.create('An\u200Ba', 1, 'x')).rejects.toThrow('There is already a profile called "Ana"')
  })
})
