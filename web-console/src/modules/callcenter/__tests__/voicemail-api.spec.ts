import { describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import routes from '../routes-voicemail'
import { canRetry, voicemailParams, voicemailStatusLabels, voicemailStatusTagType } from '../api-voicemail'

describe('api-voicemail', () => {
  it('offers a retry only for messages without a ticket', () => {
    expect(canRetry({ status: 'FAILED', ticketId: null })).toBe(true)
    expect(canRetry({ status: 'PENDING', ticketId: null })).toBe(true)
    expect(canRetry({ status: 'TICKETED', ticketId: '9' })).toBe(false)
    expect(canRetry({ status: 'FAILED', ticketId: '9' })).toBe(false)
  })

  it('builds the list query from the filters', () => {
    expect(voicemailParams({ number: ' 138 0000 1111 ', status: 'FAILED', gatewayId: null },
      ['2026-11-01T00:00:00', '2026-11-02T23:59:59'])).toEqual({
      number: '138 0000 1111', status: 'FAILED', gatewayId: null, from: '2026-11-01T00:00:00', to: '2026-11-02T23:59:59',
    })
    expect(voicemailParams({ number: '  ', status: null, gatewayId: '3' }, null)).toEqual({
      number: null, status: null, gatewayId: '3', from: null, to: null,
    })
  })

  it('labels and colours every state the server sends', () => {
    expect(Object.keys(voicemailStatusLabels)).toEqual(['PENDING', 'TICKETED', 'FAILED'])
    expect(voicemailStatusTagType('TICKETED')).toBe('success')
    expect(voicemailStatusTagType('FAILED')).toBe('danger')
    expect(voicemailStatusTagType('PENDING')).toBe('warning')
  })

  it('routes 留言管理 on its server menu path with the menu code as permission', () => {
    const perms = JSON.parse(readFileSync(resolve(process.cwd(),
      '../module-callcenter/src/main/resources/heatdesk/permissions/callcenter.json'), 'utf8')) as
      { code: string; kind: string; path?: string }[]
    const menu = perms.find((p) => p.code === 'callcenter:voicemail')
    expect(routes[0].path).toBe(menu?.path)
    expect(routes[0].meta?.perm).toBe('callcenter:voicemail')
    expect(perms.map((p) => p.code)).toContain('callcenter:voicemail:play')
    expect(perms.map((p) => p.code)).toContain('callcenter:voicemail:retry')
  })
})
