/**
 * The extra fields each ticket type asks for at acceptance (TicketCreate.formFields), and how the detail drawer
 * shows them. Types without an entry have only the content.
 */
export type FieldKind = 'number' | 'date' | 'text' | 'select'

export interface FormFieldDef {
  key: string
  label: string
  kind: FieldKind
  required?: boolean
  unit?: string
  min?: number
  max?: number
  precision?: number
  options?: { value: string; label: string }[]
  placeholder?: string
}

export const typeFields: Record<string, FormFieldDef[]> = {
  TEMP_CHECK: [
    { key: 'roomTemperature', label: '室温', kind: 'number', unit: '℃', min: -10, max: 40, precision: 1,
      placeholder: '用户自测室温' },
    { key: 'measureRoom', label: '测温房间', kind: 'select',
      options: [{ value: 'LIVING', label: '客厅' }, { value: 'BEDROOM', label: '卧室' }, { value: 'OTHER', label: '其他' }] },
  ],
  SUSPENSION: [
    { key: 'suspendKind', label: '办理类型', kind: 'select', required: true,
      options: [{ value: 'STOP', label: '报停' }, { value: 'RESUME', label: '恢复供热' }] },
    { key: 'fromDate', label: '起始日期', kind: 'date', required: true },
    { key: 'toDate', label: '截止日期', kind: 'date' },
  ],
  PAYMENT_REMINDER: [
    { key: 'arrears', label: '欠费金额', kind: 'number', unit: '元', min: 0, precision: 2 },
    { key: 'promiseDate', label: '承诺交费日期', kind: 'date' },
  ],
  REPAIR: [
    { key: 'faultPart', label: '故障部位', kind: 'select',
      options: [
        { value: 'RADIATOR', label: '暖气片' }, { value: 'PIPE', label: '管道' }, { value: 'VALVE', label: '阀门' },
        { value: 'FLOOR_HEATING', label: '地暖' }, { value: 'METER', label: '热表' }, { value: 'OTHER', label: '其他' },
      ] },
    { key: 'leaking', label: '是否漏水', kind: 'select',
      options: [{ value: 'YES', label: '是' }, { value: 'NO', label: '否' }] },
  ],
}

const allDefs: Record<string, FormFieldDef> = Object.fromEntries(
  Object.values(typeFields).flat().map((d) => [d.key, d]),
)

/** labels of fields the server or other clients may add */
const extraLabels: Record<string, string> = {
  handlingResult: '处理结果',
  duration: '处理时长',
  parts: '使用材料',
}

export function fieldsOf(ticketType: string | null | undefined): FormFieldDef[] {
  return (ticketType && typeFields[ticketType]) || []
}

export function formFieldLabel(key: string): string {
  return allDefs[key]?.label ?? extraLabels[key] ?? key
}

/** a stored field value as text: option labels, units */
export function formFieldValue(key: string, value: unknown): string {
  const def = allDefs[key]
  if (value === null || value === undefined) return ''
  if (def?.options) return def.options.find((o) => o.value === value)?.label ?? String(value)
  if (typeof value === 'object') return JSON.stringify(value)
  return def?.unit ? `${value} ${def.unit}` : String(value)
}

/** the non-empty values of the type's fields (other types' leftovers dropped when the type was changed) */
export function cleanFormFields(ticketType: string, values: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const d of fieldsOf(ticketType)) {
    const v = values[d.key]
    if (v === null || v === undefined || v === '') continue
    out[d.key] = v
  }
  return out
}

/** the Chinese message of the first required field left empty, or null */
export function missingRequired(ticketType: string, values: Record<string, unknown>): string | null {
  for (const d of fieldsOf(ticketType)) {
    const v = values[d.key]
    if (d.required && (v === null || v === undefined || v === '')) return `请填写${d.label}`
  }
  return null
}
