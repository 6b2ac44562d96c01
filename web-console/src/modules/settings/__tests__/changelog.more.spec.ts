import { describe, expect, it } from 'vitest'
import {
  blockingIdOf, changeKindTag, changeLogParams, diffSnapshots, ENTITY_KINDS, fieldLabel, flatten, shortId,
} from '../ChangeLogPage.vue'

describe('snapshot diff', () => {
  it('marks the fields whose value changed', () => {
    const rows = diffSnapshots(
      { id: '5', paramValue: '30', rowVersion: 0, remark: null },
      { id: '5', paramValue: '45', rowVersion: 1, remark: null },
    )
    expect(rows.map((r) => r.key)).toEqual(['id', 'paramValue', 'remark', 'rowVersion'])
    expect(rows.filter((r) => r.changed).map((r) => r.key)).toEqual(['paramValue', 'rowVersion'])
    const v = rows.find((r) => r.key === 'paramValue')!
    expect(v.before).toBe('"30"')
    expect(v.after).toBe('"45"')
    expect(v.label).toBe('参数值（paramValue）')
  })

  it('a creation has no before side, a deletion no after side: every field changed', () => {
    const created = diffSnapshots(null, { typeCode: 'x', typeName: '名' })
    expect(created.every((r) => r.changed && r.before === undefined)).toBe(true)
    const deleted = diffSnapshots({ typeCode: 'x' }, null)
    expect(deleted).toEqual([{ key: 'typeCode', label: '字典编码（typeCode）', before: '"x"', after: undefined, changed: true }])
  })

  it('nested objects are compared field by field, arrays as a whole', () => {
    const rows = diffSnapshots(
      { role: { roleName: '坐席', dataScope: 'ALL' }, permissions: ['a', 'b'] },
      { role: { roleName: '坐席', dataScope: 'SELF' }, permissions: ['a'] },
    )
    expect(rows.filter((r) => r.changed).map((r) => r.key)).toEqual(['permissions', 'role.dataScope'])
    expect(fieldLabel('role.dataScope')).toBe('数据范围（role.dataScope）')
    expect(flatten({ a: { b: { c: 1 } }, d: [] })).toEqual({ 'a.b.c': '1', d: '[]' })
  })

  it('a field present on one side only counts as changed', () => {
    const rows = diffSnapshots({ a: 1 }, { a: 1, b: null })
    expect(rows.find((r) => r.key === 'b')).toMatchObject({ before: undefined, after: 'null', changed: true })
    expect(rows.find((r) => r.key === 'a')!.changed).toBe(false)
  })
})

describe('rollback refusal', () => {
  it('finds the blocking change named in the message', () => {
    expect(blockingIdOf('该对象在此之后又有变更（变更记录 1234567890123），请先回滚较新的变更')).toBe('1234567890123')
    expect(blockingIdOf('该变更已回滚过，不能重复回滚')).toBeNull()
    expect(blockingIdOf(null)).toBeNull()
  })
})

describe('list helpers', () => {
  it('turns the time range into from / to and leaves empty filters out', () => {
    expect(changeLogParams({ entityKind: '', keyword: '  ', user: '', range: null }))
      .toEqual({ entityKind: undefined, keyword: undefined, user: undefined, from: undefined, to: undefined })
    expect(changeLogParams({
      entityKind: 'SYS_PARAM', keyword: ' 超时 ', user: '管理员', range: ['2026-01-01 00:00:00', '2026-01-31 23:59:59'],
    })).toEqual({
      entityKind: 'SYS_PARAM', keyword: '超时', user: '管理员', from: '2026-01-01 00:00:00', to: '2026-01-31 23:59:59',
    })
  })

  it('entity kinds are those of SettingChangeEntityKinds', () => {
    expect(ENTITY_KINDS.map((k) => k.value)).toEqual(['DICT_TYPE', 'DICT_ITEM', 'SYS_PARAM', 'ROLE', 'USER', 'ORG'])
  })

  it('tags and short ids', () => {
    expect(changeKindTag('DELETE')).toBe('danger')
    expect(changeKindTag('ROLLBACK')).toBe('info')
    expect(shortId('1234567890123')).toBe('…890123')
    expect(shortId('42')).toBe('42')
  })
})
