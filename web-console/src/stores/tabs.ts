/** The tabs of opened pages above the content; 工作台 is always first and cannot be closed. */
import { defineStore } from 'pinia'
import { ref } from 'vue'

export interface PageTab {
  /** route path without query: one tab per page */
  path: string
  fullPath: string
  title: string
  name: string
}

const HOME: PageTab = { path: '/', fullPath: '/', title: '工作台', name: 'home' }
const MAX_TABS = 12

export const useTabsStore = defineStore('tabs', () => {
  const tabs = ref<PageTab[]>([{ ...HOME }])

  function open(tab: PageTab) {
    const existing = tabs.value.find((t) => t.path === tab.path)
    if (existing) {
      existing.fullPath = tab.fullPath
      existing.title = tab.title
      return
    }
    tabs.value.push(tab)
    if (tabs.value.length > MAX_TABS) tabs.value.splice(1, 1)
  }

  /** Closes a tab; returns the tab to show when the closed one was active (its left neighbour). */
  function close(path: string): PageTab | null {
    if (path === HOME.path) return null
    const i = tabs.value.findIndex((t) => t.path === path)
    if (i < 0) return null
    tabs.value.splice(i, 1)
    return tabs.value[Math.max(0, i - 1)] ?? null
  }

  function closeOthers(path: string) {
    tabs.value = tabs.value.filter((t) => t.path === HOME.path || t.path === path)
  }

  function reset() {
    tabs.value = [{ ...HOME }]
  }

  return { tabs, open, close, closeOthers, reset }
})
