import { createRouter, createWebHistory, type RouterHistory, type RouteRecordRaw, type Router } from 'vue-router'
import { courses } from 'virtual:debrief/catalog'
import { instructorGuard, instructorRoutes, isInstructorUnlocked } from './pages/instructor/routes.ts'

export const routes: RouteRecordRaw[] = [
  {
    path: '/',
    name: 'start',
    // One course today: go straight to it. More courses get a list.
    redirect: () => (courses.length === 1 ? { name: 'course', params: { courseId: courses[0]!.id } } : { name: 'courses' }),
  },
  { path: '/courses', name: 'courses', component: () => import('./pages/CourseListPage.vue'), meta: { title: 'Courses' } },
  { path: '/course/:courseId', name: 'course', component: () => import('./pages/CourseHomePage.vue'), props: true },
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
    meta: { needsLearner: true, title: 'Practice' },
  },
  {
    path: '/course/:courseId/assessment/:blueprintId',
    name: 'assessment-start',
    component: () => import('./pages/AssessmentStartPage.vue'),
    props: true,
    meta: { needsLearner: true, title: 'Assessment' },
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
    meta: { needsLearner: true, title: 'Your result' },
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
    meta: { needsLearner: true, title: 'Your progress' },
  },
  { path: '/settings', name: 'settings', component: () => import('./pages/SettingsPage.vue'), meta: { title: 'Your data' } },
  { path: '/profiles', name: 'profiles', component: () => import('./pages/ProfilesPage.vue'), meta: { title: 'Choose your profile' } },
  ...instructorRoutes,
  { path: '/:pathMatch(.*)*', name: 'not-found', component: () => import('./pages/NotFoundPage.vue'), meta: { title: 'Page not found' } },
]

export interface RouterHooks {
  hasLearner: () => boolean
  /**
   * Loads the learner's data for a course before its pages render, so they never start empty.
   * `deferEngine`: the page shows no grades, so the grading engine need not be loaded first.
   */
  loadCourseData: (courseId: string, options: { deferEngine: boolean }) => Promise<void>
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
  router.beforeEach(instructorGuard(isInstructorUnlocked))
  router.beforeResolve(async (to) => {
    const courseId = to.params.courseId
    if (typeof courseId === 'string' && hooks.hasLearner()) await hooks.loadCourseData(courseId, { deferEngine: to.meta.assessmentOpen === true })
  })
  return router
}
