import { describe, expect, it } from 'vitest'
import {
  definitionError, formatParamValue, INT_MAX, INT_MIN, isTrue, KEY_RE, kindLabel, numberRule, paramValueError,
  rangeText, toBound,
} from '../ParamPage.vue'

describe('parameter keys mirror ParamRequests.KEY_REGEX', () => {
  it('start with a letter; letters, digits, dot, underscore, hyphen; at most 128', () => {
    expect(KEY_RE.test('security.session.idle-minutes')).toBe(true)
    expect(KEY_RE.test('a')).toBe(true)
    expect(KEY_RE.test('a'.repeat(128))).toBe(true)
    expect(KEY_RE.test('a'.repeat(129))).toBe(false)
    expect(KEY_RE.test('1abc')).toBe(false)
    expect(KEY_RE.test('.abc')).toBe(false)
    expect(KEY_RE.test('a b')).toBe(false)
    expect(KEY_RE.test('参数')).toBe(false)
  })
})

describe('paramValueError mirrors ParamValueValidator.normalize', () => {
  it('INT with both bounds', () => {
    expect(paramValueError('INT', '会话空闲超时（分钟）', '30', 5, 480)).toBeNull()
    expect(paramValueError('INT', '会话空闲超时（分钟）', '4', 5, 480))
      .toBe('参数“会话空闲超时（分钟）”必须是 5 到 480 之间的整数，不能为 4')
    expect(paramValueError('INT', '会话空闲超时（分钟）', '', 5, 480))
      .toBe('参数“会话空闲超时（分钟）”不能为空，应为5 到 480 之间的整数')
    expect(paramValueError('INT', '锁定次数', 'abc', 1, 100))
      .toBe('参数“锁定次数”必须是 1 到 100 之间的整数，“abc”不是有效的数字')
    expect(paramValueError('INT', 'x', '+7', 1, 100)).toBeNull()
    expect(paramValueError('INT', 'x', ' 7 ', 1, 100)).toBeNull()
  })

  it('INT with one bound or none', () => {
    expect(paramValueError('INT', 'x', '-1', 0, null)).toBe('参数“x”必须是不小于 0 的整数，不能为 -1')
    expect(paramValueError('INT', 'x', '11', null, 10)).toBe('参数“x”必须是不大于 10 的整数，不能为 11')
    expect(paramValueError('INT', 'x', '1.5', null, null)).toBe('参数“x”必须是整数，“1.5”不是有效的数字')
    expect(paramValueError('INT', 'x', null, null, null)).toBe('参数“x”不能为空，应为整数')
    expect(paramValueError('INT', 'x', String(INT_MAX + 1), null, null))
      .toBe(`参数“x”必须是整数，不能为 ${INT_MAX + 1}`)
  })

  it('DURATION_MIN is never negative', () => {
    expect(paramValueError('DURATION_MIN', '超时', '-5', null, null)).toBe('参数“超时”必须是不小于 0 的分钟数，不能为 -5')
    expect(paramValueError('DURATION_MIN', '超时', '90', 10, 60)).toBe('参数“超时”必须是 10 到 60 之间的分钟数，不能为 90')
    expect(paramValueError('DURATION_MIN', '超时', '', -3, null)).toBe('参数“超时”不能为空，应为不小于 0 的分钟数')
    expect(paramValueError('DURATION_MIN', '超时', '0', null, null)).toBeNull()
  })

  it('BOOL accepts the server\'s words', () => {
    for (const v of ['true', 'FALSE', '1', '0', 'yes', 'no', 'on', 'off', '是', '否']) {
      expect(paramValueError('BOOL', '开关', v, null, null)).toBeNull()
    }
    expect(paramValueError('BOOL', '开关', 'maybe', null, null)).toBe('参数“开关”只能是 true（是）或 false（否）')
  })

  it('STRING length bounds', () => {
    expect(paramValueError('STRING', '名称', '', 1, null)).toBe('参数“名称”不能为空')
    expect(paramValueError('STRING', '名称', '  ', 1, 10)).toBe('参数“名称”不能为空')
    expect(paramValueError('STRING', '名称', '', null, null)).toBeNull()
    expect(paramValueError('STRING', '名称', 'abc', 5, 10)).toBe('参数“名称”的长度必须在 5 到 10 个字符之间')
    expect(paramValueError('STRING', '名称', 'abcdef', null, 5)).toBe('参数“名称”不能超过 5 个字符')
    expect(paramValueError('STRING', '名称', 'x'.repeat(1001), null, 5000)).toBe('参数“名称”不能超过 1000 个字符')
  })
})

describe('definitionError mirrors ParamValueValidator.checkDefinition', () => {
  it('refuses bounds on switches and min > max', () => {
    expect(definitionError('BOOL', 1, null)).toEqual({ field: 'minValue', message: '开关类参数不能设置最小值和最大值' })
    expect(definitionError('INT', 5, 1)).toEqual({ field: 'minValue', message: '最小值不能大于最大值' })
  })

  it('checks each kind\'s own range', () => {
    expect(definitionError('STRING', -1, null)?.message).toBe('文本参数的最小长度不能小于 0')
    expect(definitionError('STRING', null, 0)).toEqual({ field: 'maxValue', message: '文本参数的最大长度必须在 1 到 1000 之间' })
    expect(definitionError('INT', INT_MIN - 1, null)?.message).toBe('最小值超出整数范围')
    expect(definitionError('INT', null, INT_MAX + 1)).toEqual({ field: 'maxValue', message: '最大值超出整数范围' })
    expect(definitionError('DURATION_MIN', -1, null)?.message).toBe('时长的最小值不能小于 0 分钟')
    expect(definitionError('INT', 1, 10)).toBeNull()
    expect(definitionError('BOOL', null, null)).toBeNull()
  })
})

describe('display helpers', () => {
  it('bounds arrive as strings (Java Long)', () => {
    expect(toBound('480')).toBe(480)
    expect(toBound(null)).toBeNull()
    expect(toBound('')).toBeNull()
  })

  it('values and ranges', () => {
    expect(formatParamValue({ valueKind: 'BOOL', paramValue: 'true' })).toBe('是')
    expect(formatParamValue({ valueKind: 'BOOL', paramValue: 'false' })).toBe('否')
    expect(formatParamValue({ valueKind: 'DURATION_MIN', paramValue: '30' })).toBe('30 分钟')
    expect(formatParamValue({ valueKind: 'STRING', paramValue: '' })).toBe('—')
    expect(rangeText({ valueKind: 'INT', minValue: '5', maxValue: '480' })).toBe('5 ~ 480')
    expect(rangeText({ valueKind: 'INT', minValue: null, maxValue: null })).toBe('不限')
    expect(rangeText({ valueKind: 'STRING', minValue: null, maxValue: '20' })).toBe('≤ 20 个字符')
    expect(rangeText({ valueKind: 'DURATION_MIN', minValue: '1', maxValue: null })).toBe('≥ 1 分钟')
    expect(rangeText({ valueKind: 'BOOL', minValue: null, maxValue: null })).toBe('是 / 否')
    expect(kindLabel('DURATION_MIN')).toBe('时长（分钟）')
    expect(isTrue('ON')).toBe(true)
    expect(isTrue(null)).toBe(false)
  })

  it('the number editor range follows the kind', () => {
    expect(numberRule('INT', null, null)).toMatchObject({ lo: INT_MIN, hi: INT_MAX })
    expect(numberRule('DURATION_MIN', -10, null)).toMatchObject({ lo: 0, hi: INT_MAX, showLo: true, showHi: false })
  })
})
