import { describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import routes from '../routes-supervisor'
import { callActionLabels, formatWait, inCall, logActionLabels } from '../api-supervisor'

describe('api-supervisor', () => {
  it('formats waits as m:ss and h:mm:ss', () => {
    expect(formatWait(0)).toBe('0:00')
    expect(formatWait(65)).toBe('1:05')
    expect(formatWait(3723)).toBe('1:02:03')
    expect(formatWait(null)).toBe('—')
  })

  it('offers the call actions only for agents in a call', () => {
    expect(inCall({ state: 'TALKING' })).toBe(true)
    expect(inCall({ state: 'IDLE' })).toBe(false)
    expect(inCall({ state: 'RINGING' })).toBe(false)
  })

  it('labels every action of the server log in Chinese', () => {
    expect(Object.keys(logActionLabels).sort()).toEqual(
      ['BARGE', 'INTERCEPT', 'LISTEN', 'RELEASE', 'TO_AGENT', 'TO_FRONT', 'WHISPER'])
    expect(Object.values(callActionLabels)).toEqual(['监听', '耳语', '强插', '强拆', '拦截'])
  })

  it('routes 班长监控 on its server menu path with the menu code as permission', () => {
    const perms = JSON.parse(readFileSync(resolve(process.cwd(),
      '../module-callcenter/src/main/resources/heatdesk/permissions/callcenter.json'), 'utf8')) as
      { code: string; kind: string; path?: string }[]
    const menu = perms.find((p) => p.code === 'callcenter:supervisor')
    expect(menu?.kind).toBe('MENU')
    expect(routes[0].path).toBe(menu?.path)
    expect(routes[0].meta?.perm).toBe('callcenter:supervisor')
    expect(perms.find((p) => p.code === 'callcenter:agent:supervise')?.kind).toBe('BUTTON')
  })
})
