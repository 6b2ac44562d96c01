/**
 * Refusals and toasts of the call-control actions (api-cti.ts): the title says what did not happen and why in
 * general (by HTTP status, built on cti.ts), the message is always the server's own Chinese reason, and `field`
 * tells a dialog which input the server named (400 number/target/callId/kind/jobNo, 409 target).
 */
import { ElMessage } from 'element-plus'
import { isApiError } from '@/api/http'
import { ctiActionLabels, type CtiAction, type CtiResult } from '../api-cti'
import { ctiError, type CtiError } from './cti'

export interface CallRefusal extends CtiError {
  field: string | null
}

export function callRefusal(e: unknown, action: CtiAction): CallRefusal {
  const label = ctiActionLabels[action]
  const base = ctiError(e, label)
  if (!isApiError(e)) return { ...base, field: null }
  const title = e.status === 400 ? `${label}未执行：${e.field === 'number' || e.field === 'target' ? '号码或目标不符合要求' : '请求有误'}`
    : e.status === 403 ? `${label}被拒绝：没有权限`
      : e.status === 404 ? `${label}失败：通话记录不存在或不在您的数据范围内`
        : e.status === 409 ? `${label}未执行`
          : base.title
  return { ...base, title, field: e.field ?? null }
}

/**
 * Runs one call-control action outside the workbench bar (screen pop 外呼, call record 回拨): a success toast with
 * the server's message, an error toast with the refusal. Returns the result, or null when refused.
 */
export async function runCallAction(action: CtiAction, work: () => Promise<CtiResult>): Promise<CtiResult | null> {
  try {
    const r = await work()
    ElMessage.success(r.message || `已${ctiActionLabels[action]}`)
    return r
  } catch (e) {
    const f = callRefusal(e, action)
    ElMessage.error({ message: `${f.title}：${f.message}`, duration: 6000 })
    return null
  }
}
