/**
 * Shows the server's validation message under the form field it names (ApiError.field).
 *
 *   const serverErrors = useServerErrors(['username', 'password'], { initialPassword: 'password' })
 *        // the form props bound below, and server field → form prop where the names differ
 *   <el-form-item label="用户名" prop="username" :error="serverErrors.errors.username">
 *   try { await post('/api/…', body, { silent: true }) }
 *   catch (e) { serverErrors.apply(e) }        // field error → under the field; anything else → ElMessage.error
 *
 * Call serverErrors.clear() before each submit (el-form-item only shows a changed `error`).
 */
import { reactive } from 'vue'
import { ElMessage } from 'element-plus'
import { isApiError } from '@/api/http'

export interface ServerErrors {
  /** form prop → server message ('' = none); bind to el-form-item :error */
  errors: Record<string, string>
  /** forgets all messages, or the one of `field` */
  clear(field?: string): void
  /**
   * Puts an ApiError's message under its field. Returns true when it did; otherwise shows the message with
   * ElMessage.error (for a silent request) and returns false. Non-ApiErrors are rethrown.
   */
  apply(e: unknown, options?: { toast?: boolean }): boolean
}

export function useServerErrors(fields: string[], aliases: Record<string, string> = {}): ServerErrors {
  const errors = reactive<Record<string, string>>(Object.fromEntries(fields.map((f) => [f, ''])))

  function clear(field?: string) {
    if (field) errors[field] = ''
    else Object.keys(errors).forEach((k) => (errors[k] = ''))
  }

  function apply(e: unknown, options: { toast?: boolean } = {}): boolean {
    if (!isApiError(e)) throw e
    const prop = e.field ? (aliases[e.field] ?? e.field) : null
    if (prop && fields.includes(prop)) {
      // cleared first so that the same message repeated still shows again
      errors[prop] = ''
      queueMicrotask(() => (errors[prop] = e.msg))
      return true
    }
    if (options.toast !== false) ElMessage({ type: 'error', message: e.msg, grouping: true })
    return false
  }

  return { errors, clear, apply }
}

export default useServerErrors
