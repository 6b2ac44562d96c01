/**
 * The workbench's handling of refused agent commands: a title by HTTP status with the server's own message, so
 * the agent sees why (403 another phone, 409 illegal in the current state, 503 the gateway did not take it).
 */
import { isApiError } from '@/api/http'

export interface CtiError {
  status: number
  title: string
  message: string
}

export function ctiError(e: unknown, action: string): CtiError {
  if (!isApiError(e)) return { status: 0, title: `${action}失败`, message: e instanceof Error ? e.message : String(e) }
  const title = e.status === 403 ? `${action}被拒绝（无权或非绑定话机）`
    : e.status === 409 ? `${action}未执行：坐席状态已变化`
      : e.status === 503 ? `${action}未生效：呼叫中心网关不可用`
        : e.status === 0 ? `${action}失败：网络异常`
          : `${action}失败`
  return { status: e.status, title, message: e.msg }
}
