import { nextTick, ref, watch, type Ref } from 'vue'
import { ElMessage, type FormInstance } from 'element-plus'
import type { ServerErrors } from '@/components/ServerFormErrors'

/**
 * The cycle the call-center form dialogs share: open → validate → save → close, answering the caller's promise with
 * what was saved (null when closed without saving); server field errors land under their fields.
 */
export function useFormDialog<T>(formRef: Ref<FormInstance | undefined>, serverErrors: ServerErrors) {
  const visible = ref(false)
  const busy = ref(false)
  let resolver: ((v: T | null) => void) | null = null
  let result: T | null = null

  /** shows the dialog once the form holds what to edit */
  function show(): Promise<T | null> {
    result = null
    serverErrors.clear()
    visible.value = true
    nextTick(() => formRef.value?.clearValidate())
    return new Promise((resolve) => (resolver = resolve))
  }

  /** validates, runs the request, says `success(saved)` and closes; `mapError` can move list errors onto a field */
  async function save(run: () => Promise<T>, success: (saved: T) => string,
                      mapError: (e: unknown) => unknown = (e) => e): Promise<void> {
    serverErrors.clear()
    try {
      await formRef.value?.validate()
    } catch {
      return
    }
    busy.value = true
    try {
      result = await run()
      ElMessage.success(success(result))
      visible.value = false
    } catch (e) {
      serverErrors.apply(mapError(e))
    } finally {
      busy.value = false
    }
  }

  watch(visible, (v) => {
    if (v) return
    resolver?.(result)
    resolver = null
  })

  return { visible, busy, show, save }
}
