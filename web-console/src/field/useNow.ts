import { onBeforeUnmount, ref } from 'vue'

/** the current time, ticking every 30 s (deadline countdowns) */
export function useNow(periodMs = 30_000) {
  const now = ref(Date.now())
  const timer = setInterval(() => (now.value = Date.now()), periodMs)
  onBeforeUnmount(() => clearInterval(timer))
  return now
}
