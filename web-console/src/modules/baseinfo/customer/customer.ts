/** Form rules of the customer dialog, with the server's messages (CustomerRequests, IdNumbers, PhoneNumbers). */
import type { FormItemRule, FormRules } from 'element-plus'
import { maxLength, notBlank, notNull, pattern } from '@/utils/validators'
import { CODE_RE, phoneListRule } from '../household/household'

/** 18-digit resident ID (check digit verified by the server), old 15-digit, or unified social credit code */
export const ID_NUMBER_RE = /^(\d{17}[0-9Xx]|\d{15}|[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10})$/

/** the ID number field: the masked value the server sent (1101**********1234) means "unchanged" */
const idNumberRule: FormItemRule = {
  trigger: 'blur',
  validator: (_r, v, cb) => {
    const s = String(v ?? '').trim().replace(/\s+/g, '')
    if (s === '' || s.includes('*') || ID_NUMBER_RE.test(s)) return cb()
    cb(new Error('证件号码格式不正确（应为18位身份证号或统一社会信用代码）'))
  },
}

export function customerRules(mode: 'create' | 'edit', needSubsidiary: boolean, billing: boolean): FormRules {
  const rules: FormRules = {
    contactTime: [maxLength(64, '联系时间不能超过64个字')],
    remark: [maxLength(500, '备注不能超过500个字')],
  }
  if (!billing) {
    rules.customerName = [notBlank('客户姓名不能为空'), maxLength(64, '客户姓名不能超过64个字')]
    rules.idNumber = [idNumberRule]
  }
  if (mode === 'create') {
    rules.customerCode = [pattern(CODE_RE, '客户编号只能包含字母、数字、下划线、点和短横线，且不超过64位')]
    rules.phones = [phoneListRule]
    if (needSubsidiary) rules.subsidiaryId = [notNull('请选择客户所属的分公司')]
  }
  return rules
}
