import type { DataScope } from '@/api/types'

/** "2026-11-21T12:13:21.996908" → "2026-11-21 12:13:21" (the server sends LocalDateTime in Asia/Shanghai) */
export function formatDateTime(value: string | null | undefined): string {
  if (!value) return ''
  const m = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}(?::\d{2})?)/.exec(value)
  return m ? `${m[1]} ${m[2].length === 5 ? m[2] + ':00' : m[2]}` : value
}

/** "2026-11-21T12:13:21" → "2026-11-21 12:13" */
export function formatMinute(value: string | null | undefined): string {
  return formatDateTime(value).slice(0, 16)
}

/** the data scopes of roles, in the server's order (DataScope enum), with their Chinese labels */
export const DATA_SCOPES: { value: DataScope; label: string }[] = [
  { value: 'ALL', label: '全部数据' },
  { value: 'SUBSIDIARY', label: '本分公司数据' },
  { value: 'ORG_AND_CHILDREN', label: '本部门及下级数据' },
  { value: 'CUSTOM', label: '自定义部门数据' },
  { value: 'SELF', label: '仅本人数据' },
]

export function dataScopeLabel(scope: string | null | undefined): string {
  return DATA_SCOPES.find((s) => s.value === scope)?.label ?? scope ?? ''
}

/** '' and whitespace-only strings become null (optional fields the server validates with @Pattern) */
export function blankToNull(v: string | null | undefined): string | null {
  return v === null || v === undefined || v.trim() === '' ? null : v.trim()
}

/** "共 123 条", or "共 10,000+ 条" when the server capped its count */
export function totalText(total: number, capped = false): string {
  return capped ? `共 ${total.toLocaleString('zh-CN')}+ 条` : `共 ${total} 条`
}
