/**
 * Pure helpers of the household, customer and blacklist pages: labels, phone checks that mirror the server's
 * PhoneNumbers, form rules with the server's exact messages, what a billing-maintained household lets the console
 * change, and the room-temperature chart option.
 */
import type { FormItemRule } from 'element-plus'
import { maxLength, notBlank, notNull, pattern } from '@/utils/validators'
import type { HouseholdField, HouseholdUpdate, HouseholdView, TemperatureLine } from '../api-household'

export const DATA_SOURCE_LABELS: Record<string, string> = { MANUAL: '手工录入', IMPORT: 'Excel导入', BILLING: '经营计费' }
export const PAY_KIND_LABELS: Record<string, string> = { PAY: '交费', REFUND: '退费' }
export const CUSTOMER_TYPE_LABELS: Record<string, string> = { RESIDENT: '居民', ENTERPRISE: '单位' }
export const CONTACT_PREF_LABELS: Record<string, string> = { PHONE: '电话', SMS: '短信', WECHAT: '微信', NONE: '不联系' }
export const BLACKLIST_STATUS: Record<string, { label: string; type: 'danger' | 'info' | 'success' }> = {
  ACTIVE: { label: '生效中', type: 'danger' },
  EXPIRED: { label: '已过期', type: 'info' },
  REMOVED: { label: '已移出', type: 'success' },
}
/** the text next to a read-only field of a household or customer the billing system maintains */
export const BILLING_LOCK_TIP = '由计费系统维护'
export const BILLING_REFUSAL = '该字段由经营计费系统维护，请在计费系统修改'

export function label(map: Record<string, string>, code: string | null | undefined): string {
  return code ? (map[code] ?? code) : ''
}

/** el-tag type of a heating status (HEATING 供热 / SUSPENDED 报停 / STOPPED 停供) */
export function heatingTagType(status: string | null | undefined): 'success' | 'warning' | 'info' | 'danger' {
  if (status === 'HEATING') return 'success'
  if (status === 'SUSPENDED') return 'warning'
  if (status === 'STOPPED') return 'info'
  return 'info'
}

// ---- phone numbers: the rules of cn.heatdesk.baseinfo.support.PhoneNumbers ------------------------------------
const MOBILE = /^1[3-9]\d{9}$/
const LANDLINE = /^0\d{2,3}\d{7,8}$/
const LOCAL = /^[2-9]\d{6,7}$/
const SERVICE = /^(?:(?:400|800)\d{7}|9[56]\d{3,6}|1\d{4})$/
const ALLOWED = /^[+0-9０-９ \t\-()（）]+$/

/** the number as the server stores it (digits, +86/0086 removed), or null when it is not a valid Chinese number */
export function normalizePhone(raw: string | null | undefined): string | null {
  if (raw === null || raw === undefined || raw.trim() === '' || !ALLOWED.test(raw.trim())) return null
  const s = raw.normalize('NFKC').trim()
  const digits = s.replace(/\D/g, '')
  let national: string | null = null
  if (s.startsWith('+') && digits.startsWith('86')) national = digits.slice(2)
  else if (digits.startsWith('0086')) national = digits.slice(4)
  else if (digits.length === 13 && digits.startsWith('861')) national = digits.slice(2)
  let n = digits
  if (national !== null) {
    n = national.startsWith('1') && national.length === 11 ? national : national.startsWith('0') ? national : '0' + national
  }
  return [MOBILE, LANDLINE, LOCAL, SERVICE].some((re) => re.test(n)) ? n : null
}

/** the server's message for a malformed number */
export function phoneError(raw: string): string {
  const s = raw.trim()
  return `电话号码格式不正确：${s.length > 24 ? s.slice(0, 24) + '…' : s}（应为11位手机号或带区号的固定电话）`
}

/** several numbers typed in one field, split like the server does for an Excel cell */
export function splitPhones(text: string | null | undefined): string[] {
  if (!text) return []
  return text.split(/[,，;；/、\s]+/).map((p) => p.trim()).filter((p) => p !== '')
}

/** one number (required) */
export function phoneRules(requiredMessage = '电话号码不能为空'): FormItemRule[] {
  return [notBlank(requiredMessage), {
    trigger: 'blur',
    validator: (_r, v, cb) => (!v || normalizePhone(String(v)) ? cb() : cb(new Error(phoneError(String(v))))),
  }]
}

/** a list of numbers in one text field; at most 10 (the server's cap per customer) */
export const phoneListRule: FormItemRule = {
  trigger: 'blur',
  validator: (_r, v, cb) => {
    const parts = splitPhones(v as string)
    const bad = parts.find((p) => normalizePhone(p) === null)
    if (bad) return cb(new Error(phoneError(bad)))
    if (new Set(parts.map((p) => normalizePhone(p))).size > 10) return cb(new Error('一个客户最多绑定10个电话号码'))
    cb()
  },
}

// ---- household form: HouseholdWriter's checks with its messages -----------------------------------------------
export const CODE_RE = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/

const areaRule: FormItemRule = {
  trigger: 'blur',
  validator: (_r, v, cb) =>
    v === null || v === undefined || v === '' || (Number(v) > 0 && Number(v) <= 100000)
      ? cb() : cb(new Error('建筑面积应大于0且不超过100000平方米')),
}

export const householdRules: Record<string, FormItemRule[]> = {
  householdCode: [notBlank('房屋编码不能为空'),
    pattern(CODE_RE, '房屋编码只能包含字母、数字、下划线、点和短横线，且不超过64位')],
  unitId: [notNull('请选择房屋所在单元')],
  roomNo: [notBlank('房号不能为空'), maxLength(32, '房号不能超过32个字')],
  floorNo: [maxLength(16, '楼层不能超过16个字')],
  area: [areaRule],
  ownerName: [maxLength(64, '户主姓名不能超过64个字')],
  customerCode: [pattern(CODE_RE, '客户编号只能包含字母、数字、下划线、点和短横线，且不超过64位')],
  meterNo: [maxLength(64, '热表号不能超过64个字')],
  valveNo: [maxLength(64, '阀门号不能超过64个字')],
  tags: [maxLength(200, '标签不能超过200个字')],
  remark: [maxLength(500, '备注不能超过500个字')],
  phones: [phoneListRule],
}

/** whether the console must show `field` read-only for this household */
export function isLocked(h: Pick<HouseholdView, 'billingOwnedFields'> | null | undefined, field: HouseholdField): boolean {
  return !!h && h.billingOwnedFields.includes(field)
}

export interface HouseholdForm {
  householdCode: string
  unitId: string | null
  floorNo: string
  roomNo: string
  area: number | null
  heatingStatus: string | null
  arrears: number | null
  ownerName: string
  meterNo: string
  valveNo: string
  tags: string
  remark: string
}

/**
 * The PUT body: a household the billing system maintains sends only HeatDesk's own fields (tags, remark), so a
 * form that still shows the values the user loaded a while ago cannot trip the billing-field check; other
 * households send every field ('' clears an optional text).
 */
export function householdUpdateBody(form: HouseholdForm, original: HouseholdView): HouseholdUpdate {
  if (original.billingOwnedFields.length > 0) {
    return { tags: form.tags, remark: form.remark, rowVersion: original.rowVersion }
  }
  return {
    unitId: form.unitId, floorNo: form.floorNo, roomNo: form.roomNo.trim(), area: form.area,
    heatingStatus: form.heatingStatus, arrears: form.arrears, ownerName: form.ownerName || null, meterNo: form.meterNo,
    valveNo: form.valveNo, tags: form.tags, remark: form.remark, rowVersion: original.rowVersion,
  }
}

// ---- blacklist ------------------------------------------------------------------------------------------------
/** ['2026-01-01', '2026-01-31'] → createdFrom 2026-01-01T00:00:00, createdTo 2026-02-01T00:00:00 (end exclusive) */
export function dayRange(range: [string, string] | null | undefined): { createdFrom: string | null; createdTo: string | null } {
  if (!range || !range[0] || !range[1]) return { createdFrom: null, createdTo: null }
  const end = new Date(`${range[1]}T00:00:00Z`)
  end.setUTCDate(end.getUTCDate() + 1)
  return { createdFrom: `${range[0]}T00:00:00`, createdTo: `${end.toISOString().slice(0, 10)}T00:00:00` }
}

/** LocalDateTime text (Beijing time) `days` from now, for the expiry shortcuts */
export function daysFromNow(days: number, now: Date = new Date()): Date {
  return new Date(now.getTime() + days * 86_400_000)
}

// ---- room temperatures ----------------------------------------------------------------------------------------
/** ECharts option of the recent readings, oldest first; the 18 °C line marks the heating standard */
export function temperatureOption(lines: TemperatureLine[]) {
  const sorted = [...lines].sort((a, b) => a.measuredAt.localeCompare(b.measuredAt))
  return {
    grid: { left: 40, right: 16, top: 24, bottom: 32 },
    tooltip: { trigger: 'axis' as const },
    xAxis: { type: 'category' as const, data: sorted.map((l) => l.measuredAt.replace('T', ' ').slice(5, 16)) },
    yAxis: { type: 'value' as const, name: '℃', scale: true },
    series: [{
      type: 'line' as const, name: '室温', smooth: true, data: sorted.map((l) => Number(l.temperature)),
      markLine: { silent: true, symbol: 'none', data: [{ yAxis: 18, name: '供热标准' }], lineStyle: { type: 'dashed' as const } },
    }],
  }
}
