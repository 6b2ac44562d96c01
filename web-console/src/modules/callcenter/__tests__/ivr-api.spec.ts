import { describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import routes from '../routes-ivr'
import { cleanForSave, emptyMenu, errorLocation, menuTree, toSave, type IvrMenuView } from '../api-ivr'

describe('api-ivr', () => {
  it('builds the el-tree of nodes with their keys and marks the start node', () => {
    const m = emptyMenu('1')
    m.nodes[0].keys.push({ digit: '1', action: 'QUEUE', target: 'repair', label: '报修' })
    m.nodes.push({ ...m.nodes[0], code: 'sub', name: '投诉', keys: [{ digit: '*', action: 'MENU', target: 'main', label: null }] })
    const t = menuTree(m)
    expect(t.map((n) => n.label)).toEqual(['主菜单（main） · 起始', '投诉（sub）'])
    expect(t[0].children?.[0].label).toBe('1 → 进入队列 repair（报修）')
    expect(t[1].children?.[0]).toMatchObject({ nodeIndex: 1, keyIndex: 0, label: '* → 子菜单 main' })
  })

  it('sends targets only for actions that take one', () => {
    const m = emptyMenu('1')
    m.offHoursAction = 'VOICEMAIL'
    m.offHoursTarget = 'left-over'
    m.nodes[0].keys.push({ digit: '9', action: 'SELF_SERVICE', target: 'repair', label: null })
    const c = cleanForSave(m)
    expect(c.offHoursTarget).toBeNull()
    expect(c.nodes[0].keys[0].target).toBeNull()
  })

  it('points a server field error at its node and key', () => {
    expect(errorLocation('nodes[2].keys[1].target')).toEqual({ node: 2, key: 1 })
    expect(errorLocation('nodes[0].prompt')).toEqual({ node: 0, key: undefined })
    expect(errorLocation('hotline')).toEqual({})
  })

  it('copies a loaded menu into an editable one without view fields', () => {
    const v = {
      id: '9', gatewayId: '1', gatewayName: 'GW', hotline: '4930123456', menuName: 'x', rootNode: 'main',
      operatorQueue: null, offHoursAction: null, offHoursTarget: null, offHoursPrompt: null, workHours: [],
      holidays: [], enabled: true, remark: null, rowVersion: 3, updatedAt: null,
      nodes: [{ ...emptyMenu().nodes[0], keys: [{ digit: '1', action: 'QUEUE', actionLabel: '进入队列', target: 'repair', label: null }] }],
    } as IvrMenuView
    const s = toSave(v)
    expect(s.rowVersion).toBe(3)
    expect(s.nodes[0].keys[0]).toEqual({ digit: '1', action: 'QUEUE', target: 'repair', label: null })
  })

  it('routes 语音导航 on its server menu path with the menu code as permission', () => {
    const perms = JSON.parse(readFileSync(resolve(process.cwd(),
      '../module-callcenter/src/main/resources/heatdesk/permissions/callcenter.json'), 'utf8')) as
      { code: string; kind: string; path?: string }[]
    const menu = perms.find((p) => p.code === 'callcenter:ivr')
    expect(routes[0].path).toBe(menu?.path)
    expect(routes[0].meta?.perm).toBe('callcenter:ivr')
  })
})
