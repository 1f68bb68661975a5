import type { NavigationGuard, RouteRecordRaw } from 'vue-router'

const BASE = '/course/:courseId/instructor'

/**
 * Instructor pages, each loaded lazily so none of their code ships with the learner's pages.
 * `meta.instructor` pages need instructor mode unlocked (see `instructorGuard`).
 */
export const instructorRoutes: RouteRecordRaw[] = [
  {
    path: `${BASE}/unlock`,
    name: 'instructor-unlock',
    component: () => import('./InstructorUnlockPage.vue'),
    props: true,
    meta: { title: 'Instructor mode' },
  },
  {
    path: BASE,
    name: 'instructor',
    component: () => import('./InstructorGradebookPage.vue'),
    props: true,
    meta: { instructor: true, title: 'Gradebook' },
  },
  {
    path: `${BASE}/learner/:learnerId`,
    name: 'instructor-learner',
    component: () => import('./InstructorLearnerPage.vue'),
    props: true,
    meta: { instructor: true, title: 'Learner' },
  },
  {
    path: `${BASE}/grading`,
    name: 'instructor-grading',
    component: () => import('./InstructorGradingPage.vue'),
    props: true,
    meta: { instructor: true, title: 'Grade free-text answers' },
  },
  {
    path: `${BASE}/statistics`,
    name: 'instructor-statistics',
    component: () => import('./InstructorStatisticsPage.vue'),
    props: true,
    meta: { instructor: true, title: 'Item statistics' },
  },
  {
    path: `${BASE}/import`,
    name: 'instructor-import',
    component: () => import('./InstructorImportPage.vue'),
    props: true,
    meta: { instructor: true, title: 'Import results' },
  },
  {
    path: `${BASE}/regrade`,
    name: 'instructor-regrade',
    component: () => import('./InstructorRegradePage.vue'),
    props: true,
    meta: { instructor: true, title: 'Regrade' },
  },
  {
    path: `${BASE}/lrs`,
    name: 'instructor-lrs',
    component: () => import('./InstructorLrsPage.vue'),
    props: true,
    meta: { instructor: true, title: 'LRS and outbox' },
  },
]

/**
 * Sends a locked visitor of an instructor page to the unlock page, then back to where they were
 * going. `isUnlocked` is asked only for instructor pages.
 */
export function instructorGuard(isUnlocked: () => boolean | Promise<boolean>): NavigationGuard {
  return async (to) => {
    if (to.meta.instructor !== true || (await isUnlocked())) return true
    return { name: 'instructor-unlock', params: { courseId: String(to.params.courseId ?? '') }, query: { next: to.fullPath } }
  }
}
