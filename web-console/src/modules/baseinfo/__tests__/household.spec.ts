import { describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import type { FormItemRule } from 'element-plus'
import routes from '../routes-household'
import { moduleRoutes } from '@/router'
import {
  dayRange, householdRules, householdUpdateBody, isLocked, normalizePhone, phoneError, phoneListRule, phoneRules,
  splitPhones, temperatureOption, type HouseholdForm,
} from '../household/household'
import { customerRules } from '../customer/customer'
import type { HouseholdView } from '../api-household'

/** runs a form rule's validator and returns its message ('' when the value passes) */
function check(rule: FormItemRule, value: unknown): string {
  let msg = ''
  rule.validator!(rule, value, (e?: string | Error) => {
    msg = e ? String(e instanceof Error ? e.message : e) : ''
  }, {}, {})
  return msg
}

function firstError(rules: FormItemRule[] | FormItemRule | undefined, value: unknown): string {
  for (const r of ([] as FormItemRule[]).concat(rules ?? [])) {
    const m = check(r, value)
    if (m) return m
  }
  return ''
}

describe('phone numbers mirror PhoneNumbers on the server', () => {
  it('normalises the formats people type', () => {
    expect(normalizePhone('138-1234-5678')).toBe('13812345678')
    expect(normalizePhone('+86 138 1234 5678')).toBe('13812345678')
    expect(normalizePhone('0086 13812345678')).toBe('13812345678')
    expect(normalizePhone('8613812345678')).toBe('13812345678')
    expect(normalizePhone('１３８１２３４５６７８')).toBe('13812345678')
    expect(normalizePhone('010-12345678')).toBe('01012345678')
    expect(normalizePhone('(0451)8765432')).toBe('04518765432')
    expect(normalizePhone('+86 10 1234 5678')).toBe('01012345678')
    expect(normalizePhone('87654321')).toBe('87654321')
    expect(normalizePhone('96069')).toBe('96069')
    expect(normalizePhone('4008123456')).toBe('4008123456')
  })

  it('rejects what the server rejects', () => {
    for (const bad of ['', '   ', '1380013', '12ab', '23456', '1381234567', '138123456789', '0123', 'tel:13812345678']) {
      expect(normalizePhone(bad), bad).toBeNull()
    }
    expect(phoneError(' 12ab ')).toBe('电话号码格式不正确：12ab（应为11位手机号或带区号的固定电话）')
    expect(phoneError('1'.repeat(30))).toBe(`电话号码格式不正确：${'1'.repeat(24)}…（应为11位手机号或带区号的固定电话）`)
  })

  it('splits several numbers like an Excel cell', () => {
    expect(splitPhones('13812345678,13912345678；010-12345678 / 0451-8765432、96069')).toEqual(
      ['13812345678', '13912345678', '010-12345678', '0451-8765432', '96069'])
    expect(splitPhones('')).toEqual([])
    expect(firstError(phoneListRule, '13812345678, 12ab')).toBe('电话号码格式不正确：12ab（应为11位手机号或带区号的固定电话）')
    expect(firstError(phoneListRule, '')).toBe('')
    const eleven = Array.from({ length: 11 }, (_, i) => `1381234${String(5600 + i)}`).join(',')
    expect(firstError(phoneListRule, eleven)).toBe('一个客户最多绑定10个电话号码')
    expect(firstError(phoneRules(), '')).toBe('电话号码不能为空')
    expect(firstError(phoneRules(), '139 0000 1111')).toBe('')
  })
})

describe('household form rules use the writer messages', () => {
  it('code, unit, room and lengths', () => {
    expect(firstError(householdRules.householdCode, ' ')).toBe('房屋编码不能为空')
    expect(firstError(householdRules.householdCode, 'HH 01')).toBe('房屋编码只能包含字母、数字、下划线、点和短横线，且不超过64位')
    expect(firstError(householdRules.householdCode, 'HH-01.a_b')).toBe('')
    expect(firstError(householdRules.householdCode, 'x'.repeat(65))).toBe('房屋编码只能包含字母、数字、下划线、点和短横线，且不超过64位')
    expect(firstError(householdRules.unitId, null)).toBe('请选择房屋所在单元')
    expect(firstError(householdRules.roomNo, '')).toBe('房号不能为空')
    expect(firstError(householdRules.roomNo, '1'.repeat(33))).toBe('房号不能超过32个字')
    expect(firstError(householdRules.floorNo, '1'.repeat(17))).toBe('楼层不能超过16个字')
    expect(firstError(householdRules.remark, 'x'.repeat(501))).toBe('备注不能超过500个字')
    expect(firstError(householdRules.tags, 'x'.repeat(201))).toBe('标签不能超过200个字')
  })

  it('area is positive and at most 100000', () => {
    expect(firstError(householdRules.area, 0)).toBe('建筑面积应大于0且不超过100000平方米')
    expect(firstError(householdRules.area, 100000.01)).toBe('建筑面积应大于0且不超过100000平方米')
    expect(firstError(householdRules.area, 88.5)).toBe('')
    expect(firstError(householdRules.area, null)).toBe('')
  })
})

const HOUSEHOLD: HouseholdView = {
  id: '1', householdCode: 'HH1', unitId: '9', nodePath: '/1/9/', address: '幸福家园 3号楼 1单元 501', floorNo: '5',
  roomNo: '501', area: 88.5, heatingStatus: 'HEATING', heatingStatusLabel: '供热', arrears: 12, customerId: '7',
  customerCode: 'HH1', ownerName: '张三', meterNo: null, valveNo: null, tags: null, remark: null, enabled: true,
  dataSource: 'MANUAL', billingUpdatedAt: null, subsidiaryId: '3', orgPath: '/1/3/', rowVersion: 4,
  createdAt: '', updatedAt: '', billingOwnedFields: [],
}
const FORM: HouseholdForm = {
  householdCode: 'HH1', unitId: '9', floorNo: '6', roomNo: ' 601 ', area: 90, heatingStatus: 'SUSPENDED', arrears: 0,
  ownerName: '', meterNo: 'M1', valveNo: '', tags: '重点', remark: '备注',
}

describe('what an edit sends', () => {
  it('a household of our own sends every field', () => {
    expect(householdUpdateBody(FORM, HOUSEHOLD)).toEqual({
      unitId: '9', floorNo: '6', roomNo: '601', area: 90, heatingStatus: 'SUSPENDED', arrears: 0, ownerName: null,
      meterNo: 'M1', valveNo: '', tags: '重点', remark: '备注', rowVersion: 4,
    })
    expect(isLocked(HOUSEHOLD, 'area')).toBe(false)
  })

  it('a household the billing system maintains sends only tags and remark', () => {
    const billing = { ...HOUSEHOLD, dataSource: 'BILLING', billingOwnedFields: ['householdCode', 'unitId', 'area'] as HouseholdView['billingOwnedFields'] }
    expect(householdUpdateBody(FORM, billing)).toEqual({ tags: '重点', remark: '备注', rowVersion: 4 })
    expect(isLocked(billing, 'area')).toBe(true)
    expect(isLocked(billing, 'floorNo')).toBe(false)
    expect(isLocked(null, 'area')).toBe(false)
  })
})

describe('customer rules', () => {
  it('name and ID number only for customers not maintained by billing', () => {
    const own = customerRules('edit', false, false)
    expect(firstError(own.customerName as FormItemRule[], '')).toBe('客户姓名不能为空')
    expect(firstError(own.idNumber as FormItemRule[], '12345')).toBe('证件号码格式不正确（应为18位身份证号或统一社会信用代码）')
    expect(firstError(own.idNumber as FormItemRule[], '1101**********1234')).toBe('')
    expect(firstError(own.idNumber as FormItemRule[], '11010519800101123x')).toBe('')
    const billing = customerRules('edit', false, true)
    expect(billing.customerName).toBeUndefined()
    expect(billing.idNumber).toBeUndefined()
    const create = customerRules('create', true, false)
    expect(firstError(create.subsidiaryId as FormItemRule[], null)).toBe('请选择客户所属的分公司')
    expect(firstError(create.customerCode as FormItemRule[], 'a b')).toBe('客户编号只能包含字母、数字、下划线、点和短横线，且不超过64位')
    expect(customerRules('create', false, false).subsidiaryId).toBeUndefined()
  })
})

describe('helpers', () => {
  it('a day range becomes [from 00:00, day after to 00:00)', () => {
    expect(dayRange(['2026-01-01', '2026-01-31'])).toEqual({ createdFrom: '2026-01-01T00:00:00', createdTo: '2026-02-01T00:00:00' })
    expect(dayRange(['2024-02-28', '2024-02-28'])).toEqual({ createdFrom: '2024-02-28T00:00:00', createdTo: '2024-02-29T00:00:00' })
    expect(dayRange(null)).toEqual({ createdFrom: null, createdTo: null })
  })

  it('the temperature chart is oldest first', () => {
    const o = temperatureOption([
      { id: '2', temperature: 21, measuredAt: '2026-01-02T08:00:00', dataSource: 'HEATNET', receivedAt: '' },
      { id: '1', temperature: 17.5, measuredAt: '2026-01-01T08:00:00', dataSource: 'FIELD', receivedAt: '' },
    ])
    expect(o.xAxis.data).toEqual(['01-01 08:00', '01-02 08:00'])
    expect(o.series[0].data).toEqual([17.5, 21])
  })
})

// ---- routes --------------------------------------------------------------------------------------------------
interface Declared { code: string; kind: string; path?: string }
const declared: Declared[] = JSON.parse(readFileSync(resolve(process.cwd(),
  '../module-baseinfo/src/main/resources/heatdesk/permissions/baseinfo.json'), 'utf-8'))

describe('routes-household', () => {
  it('one lazy route per menu, on the server menu paths, with declared permissions', () => {
    const menus = new Map(declared.filter((d) => d.kind === 'MENU').map((d) => [d.path, d.code]))
    expect(routes.map((r) => r.path)).toEqual(['/baseinfo/household', '/baseinfo/customer', '/baseinfo/blacklist'])
    for (const r of routes) {
      expect(menus.get(r.path)).toBe(r.meta?.perm)
      expect(typeof r.component).toBe('function')
    }
    const names = moduleRoutes.map((r) => r.name)
    for (const r of routes) expect(names).toContain(r.name)
  })
})
