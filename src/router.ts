import { createRouter, createWebHistory, type RouterHistory, type RouteRecordRaw, type Router } from 'vue-router'
import { courses } from 'virtual:debrief/catalog'
import { instructorGuard, instructorRoutes } from './pages/instructor/routes.ts'
import { useAttemptsStore } from './stores/attempts.ts'

export const routes: RouteRecordRaw[] = [
  {
    path: '/',
    name: 'start',
    // An LMS package opens on what it holds: its assessment, or its course. One course today: go
    // straight to it. More courses get a list.
    redirect: () =>
      __DEBRIEF_LMS__?.blueprintId
        ? { name: 'assessment-start', params: { courseId: __DEBRIEF_LMS__.courseId, blueprintId: __DEBRIEF_LMS__.blueprintId } }
        : __DEBRIEF_LMS__
          ? { name: 'course', params: { courseId: __DEBRIEF_LMS__.courseId } }
          : courses.length === 1
            ? { name: 'course', params: { courseId: courses[0]!.id } }
            : { name: 'courses' },
  },
  { path: '/courses', name: 'courses', component: () => import('./pages/CourseListPage.vue'), meta: { title: 'Courses' } },
  { path: '/course/:courseId', name: 'course', component: () => import('./pages/CourseHomePage.vue'), props: true, meta: { showsGrades: true } },
  {
    path: '/course/:courseId/lesson/:lessonId',
    name: 'lesson',
    component: () => import('./pages/LessonPage.vue'),
    props: true,
    meta: { needsLearner: true },
  },
  {
    path: '/course/:courseId/lesson/:lessonId/practice',
    name: 'practice',
    component: () => import('./pages/PracticePage.vue'),
    props: true,
    meta: { needsLearner: true, title: 'Practice', showsGrades: true },
  },
  {
    path: '/course/:courseId/assessment/:blueprintId',
    name: 'assessment-start',
    component: () => import('./pages/AssessmentStartPage.vue'),
    props: true,
    meta: { needsLearner: true, title: 'Assessment', showsGrades: true },
  },
  {
    path: '/course/:courseId/attempt/:attemptId',
    name: 'attempt',
    component: () => import('./pages/AssessmentPage.vue'),
    props: true,
    meta: { needsLearner: true, title: 'Assessment in progress', assessmentOpen: true },
  },
  {
    path: '/course/:courseId/attempt/:attemptId/result',
    name: 'attempt-result',
    component: () => import('./pages/AssessmentResultPage.vue'),
    props: true,
    meta: { needsLearner: true, title: 'Your result', showsGrades: true },
  },
  {
    path: '/course/:courseId/review',
    name: 'review',
    component: () => import('./pages/ReviewPage.vue'),
    props: true,
    meta: { needsLearner: true, title: 'Review' },
  },
  {
    path: '/course/:courseId/progress',
    name: 'progress',
    component: () => import('./pages/ProgressPage.vue'),
    props: true,
    meta: { needsLearner: true, title: 'Your progress', showsGrades: true },
  },
  { path: '/settings', name: 'settings', component: () => import('./pages/SettingsPage.vue'), meta: { title: 'Your data' } },
  { path: '/profiles', name: 'profiles', component: () => import('./pages/ProfilesPage.vue'), meta: { title: 'Choose your profile' } },
  ...instructorRoutes,
  { path: '/:pathMatch(.*)*', name: 'not-found', component: () => import('./pages/NotFoundPage.vue'), meta: { title: 'Page not found' } },
]

export interface RouterHooks {
  hasLearner: () => boolean
  /** Loads the learner's data for a course before its pages render, so they never start empty. */
  loadCourseData: (courseId: string) => Promise<void>
}

/**
 * Whether instructor mode is unlocked in this tab. The guard asks only on the way to an
 * instructor page, so the instructor store loads then and adds nothing to the learner's pages.
 */
async function instructorStoreUnlocked(): Promise<boolean> {
  const { useInstructorStore } = await import('./stores/instructor.ts')
  return useInstructorStore().unlocked
}

export function createAppRouter(hooks: RouterHooks, history: RouterHistory = createWebHistory(import.meta.env.BASE_URL)): Router {
  const router = createRouter({
    history,
    routes,
    scrollBehavior: (_to, _from, saved) => saved ?? { top: 0 },
  })
  router.beforeEach((to) => {
    if (to.meta.needsLearner && !hooks.hasLearner()) return { name: 'profiles', query: { next: to.fullPath } }
    return true
  })
  router.beforeEach(instructorGuard(instructorStoreUnlocked))
  router.beforeResolve(async (to) => {
    const courseId = to.params.courseId
    if (typeof courseId !== 'string' || !hooks.hasLearner()) return
    await hooks.loadCourseData(courseId)
    // Pages that show grades have them at first paint; the others (the page taking an
    // assessment) never load the grading engine.
    if (to.meta.showsGrades === true) await useAttemptsStore().gradesReady()
  })
  return router
}
