/**
 * Display rules of the station lead's field pages (移动设备, 被拒操作, 签到记录): command and refusal labels as the
 * server names them (CommandType, docs/mobile-sync.md), the kept payload in words, coordinates with a map link and
 * the date-range filter. Pure functions, unit-tested in __tests__/field-review.spec.ts.
 */

/** the server's CommandType labels */
export const commandTypeLabels: Record<string, string> = {
  ACCEPT: '接单',
  REJECT: '拒绝接单',
  CHECK_IN_DAILY: '每日签到',
  CHECK_IN_SITE: '现场签到',
  ATTACH: '上传现场照片/视频',
  TEMPERATURE: '录入室温',
  VOICE_NOTE: '语音上报',
  FILL_BACK: '回填处理结果',
  INCOMPLETE: '未完成原因',
  DELAY_REQUEST: '申请延期',
  CANCEL_REQUEST: '申请取消',
  SIGN: '客户签名评价',
  COMPLETE: '提交完成',
}

/** why the server refused a command (rejection codes of the push) */
export const rejectionLabels: Record<string, string> = {
  TICKET_REASSIGNED: '工单已改派给他人',
  TICKET_VOIDED: '工单已作废',
  TICKET_CANCELLED: '工单已取消',
  TICKET_FINISHED: '工单已处理完成',
  ILLEGAL_TRANSITION: '当前状态不能执行该操作',
  VALIDATION: '内容不符合要求',
  MEDIA_NOT_FOUND: '附件未上传成功',
  SIGNATURE_EXISTS: '客户已签名，不能重签',
  APPROVAL_PENDING: '已有待审批的申请',
  NOT_FOUND: '工单不存在',
}

export function commandLabel(type: string | null | undefined): string {
  if (!type) return ''
  return commandTypeLabels[type] ?? type
}

export function rejectionLabel(code: string | null | undefined): string {
  if (!code) return '未知原因'
  return rejectionLabels[code] ?? code
}

/** payload keys of the commands in words (unknown keys are shown as they are) */
const payloadLabels: Record<string, string> = {
  reason: '原因',
  lat: '纬度',
  lng: '经度',
  accuracy: '定位精度（米）',
  address: '地点',
  handlingResult: '处理结果',
  parts: '更换配件',
  durationMinutes: '处理时长（分钟）',
  answers: '模板填写',
  extendMinutes: '延长（分钟）',
  contentHash: '文件摘要（SM3）',
  kind: '类型',
  note: '说明',
  durationSeconds: '时长（秒）',
  indoorTemp: '室温（℃）',
  measuredAt: '测量时间',
  room: '房间',
  householdId: '房屋',
  signatureHash: '签名文件摘要',
  satisfaction: '满意度',
  comment: '客户意见',
  noSignatureReason: '无签名原因',
}

export interface PayloadEntry {
  key: string
  label: string
  value: string
}

function text(v: unknown): string {
  if (v === null || v === undefined) return ''
  if (typeof v === 'object') {
    if (Array.isArray(v)) return v.map(text).join('、')
    return Object.entries(v as Record<string, unknown>).map(([k, x]) => `${k}：${text(x)}`).join('；')
  }
  return String(v)
}

/**
 * The kept payload as label / value rows, in the order the app sent them. Not a JSON object (or not JSON at all):
 * one row "内容" with the raw text, so nothing the lead should see is hidden.
 */
export function payloadEntries(json: string | null | undefined): PayloadEntry[] {
  if (!json || !json.trim()) return []
  let parsed: unknown
  try {
    parsed = JSON.parse(json)
  } catch {
    return [{ key: '', label: '内容', value: json }]
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    return [{ key: '', label: '内容', value: text(parsed) }]
  }
  return Object.entries(parsed as Record<string, unknown>)
    .filter(([, v]) => v !== null && v !== undefined && v !== '')
    .map(([k, v]) => ({ key: k, label: payloadLabels[k] ?? k, value: text(v) }))
}

function num(v: number | string | null | undefined): number | null {
  if (v === null || v === undefined || v === '') return null
  const n = typeof v === 'number' ? v : Number(v)
  return Number.isFinite(n) ? n : null
}

/** "34.746600, 113.625300" (6 decimals ≈ 0.1 m); '' without a fix */
export function formatCoord(lat: number | string | null | undefined, lng: number | string | null | undefined): string {
  const a = num(lat)
  const b = num(lng)
  if (a === null || b === null) return ''
  return `${a.toFixed(6)}, ${b.toFixed(6)}`
}

/**
 * A map link for a phone's GPS fix. Phones report WGS-84; the AMap URI API converts with coordinate=wgs84 (Chinese
 * maps use GCJ-02, an unconverted fix lands a few hundred metres off). null without a valid fix.
 */
export function mapLink(lat: number | string | null | undefined, lng: number | string | null | undefined,
                        name = '签到位置'): string | null {
  const a = num(lat)
  const b = num(lng)
  if (a === null || b === null || Math.abs(a) > 90 || Math.abs(b) > 180) return null
  const q = new URLSearchParams({ position: `${b},${a}`, name, coordinate: 'wgs84', callnative: '0' })
  return `https://uri.amap.com/marker?${q.toString()}`
}

/**
 * A date-range picker's days ("YYYY-MM-DD", both inclusive) as the endpoints' from (at or after) and to (before):
 * the end day is included by sending the next day's midnight.
 */
export function dayRange(days: [string, string] | null | undefined): { from: string | null; to: string | null } {
  if (!days || !days[0] || !days[1]) return { from: null, to: null }
  const [start, end] = days[0] <= days[1] ? days : [days[1], days[0]]
  const next = new Date(`${end}T00:00:00Z`)
  next.setUTCDate(next.getUTCDate() + 1)
  return { from: `${start}T00:00:00`, to: `${next.toISOString().slice(0, 10)}T00:00:00` }
}
