import type { RouteRecordRaw } from 'vue-router'

/** Instructor pages, each loaded lazily so none of their code ships with the learner's pages. */
export const instructorRoutes: RouteRecordRaw[] = []
