import { defineStore } from 'pinia'
import { shallowRef } from 'vue'
import type { LrsProgress } from '../db/lrsFetch.ts'
import type { LrsImportOutcome } from '../db/lrsImport.ts'
import { courseIri } from '../domain/xapi/iris.ts'
import { now } from '../platform/clock.ts'
import { useInstructorStore } from './instructor.ts'
import { useStorageStore } from './storage.ts'

export type LrsLoadResult = LrsImportOutcome & LrsProgress

/**
 * Instructor mode's second source beside result files: "Load from the LRS" (docs/xapi.md). Every
 * page of the course's statements is fetched first (`progress` counts them), then the attempts are
 * written in one transaction through the import path; a failure or a cancel writes nothing. The
 * fetching and import code loads on first use.
 */
export const useLrsViewStore = defineStore('lrsView', () => {
  /** Statements and pages fetched so far; undefined when no load is running. */
  const progress = shallowRef<LrsProgress>()
  let controller: AbortController | undefined

  /**
   * Loads a course's attempts from the configured LRS. Resolves to what it did, or to
   * 'cancelled' (nothing written); throws an Error in plain words (nothing written).
   */
  async function load(courseId: string): Promise<LrsLoadResult | 'cancelled'> {
    const [{ lrsSetup }, { loadFromLrs }, { loadInstructorCourse }, { webSha256 }] = await Promise.all([
      import('../app/lrsConfig.ts'), import('../db/lrsImport.ts'), import('./instructorCourse.ts'), import('../db/importResults.ts'),
    ])
    const { config } = await lrsSetup()
    if (config === null) throw new Error('No LRS is configured for this app (debrief.config.json), so there is nothing to load.')
    const course = await loadInstructorCourse(courseId)
    controller = new AbortController()
    progress.value = { statements: 0, pages: 0 }
    try {
      const result = await loadFromLrs(
        useStorageStore().database(),
        {
          endpoint: config.endpoint, auth: config.auth, fetch: globalThis.fetch.bind(globalThis), activity: courseIri(config, courseId), signal: controller.signal,
          // Without names sent, nothing the view reads is lost in the smaller 'ids' form.
          format: config.sendDisplayName ? 'exact' : 'ids',
          onPage: async (p) => {
            progress.value = p
            // The browser gets a turn between pages: the bar moves and Cancel can be pressed.
            await new Promise((resolve) => setTimeout(resolve, 0))
          },
        },
        { settings: config, course, now: now(), sha256: webSha256 },
      )
      await useInstructorStore().load(courseId, true)
      return result
    } catch (e) {
      if (controller.signal.aborted) return 'cancelled'
      // The fetch's errors are written for the instructor: shown as they are (app/errorMessage.ts).
      if (e instanceof Error && e.name === 'LrsFetchError') throw new Error(e.message)
      throw e
    } finally {
      progress.value = undefined
      controller = undefined
    }
  }

  /** Stops a running load before anything is written. */
  function cancel(): void {
    controller?.abort()
  }

  return { progress, load, cancel }
})
