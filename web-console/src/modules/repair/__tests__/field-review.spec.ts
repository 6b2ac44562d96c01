import { describe, expect, it } from 'vitest'
import {
  commandLabel, dayRange, formatCoord, mapLink, payloadEntries, rejectionLabel,
} from '../mobile/fieldReview'

describe('fieldReview', () => {
  it('names commands and refusals as the server does, unknown codes as they are', () => {
    expect(commandLabel('ACCEPT')).toBe('接单')
    expect(commandLabel('CHECK_IN_SITE')).toBe('现场签到')
    expect(commandLabel('NEW_KIND')).toBe('NEW_KIND')
    expect(commandLabel(null)).toBe('')
    expect(rejectionLabel('TICKET_REASSIGNED')).toBe('工单已改派给他人')
    expect(rejectionLabel('SOMETHING_ELSE')).toBe('SOMETHING_ELSE')
    expect(rejectionLabel(null)).toBe('未知原因')
  })

  it('shows the kept payload in words, in the order sent, nested values flattened, empty ones left out', () => {
    const rows = payloadEntries(JSON.stringify({
      handlingResult: '更换阀门', durationMinutes: 45, parts: '', answers: { FAULT: '阀门损坏', TEMP: 19.5 }, x: null,
      custom: [1, 2],
    }))
    expect(rows).toEqual([
      { key: 'handlingResult', label: '处理结果', value: '更换阀门' },
      { key: 'durationMinutes', label: '处理时长（分钟）', value: '45' },
      { key: 'answers', label: '模板填写', value: 'FAULT：阀门损坏；TEMP：19.5' },
      { key: 'custom', label: 'custom', value: '1、2' },
    ])
    expect(payloadEntries('{}')).toEqual([])
    expect(payloadEntries(null)).toEqual([])
    expect(payloadEntries('   ')).toEqual([])
  })

  it('keeps a payload that is not a JSON object visible as raw text', () => {
    expect(payloadEntries('not json {')).toEqual([{ key: '', label: '内容', value: 'not json {' }])
    expect(payloadEntries('"just text"')).toEqual([{ key: '', label: '内容', value: 'just text' }])
    expect(payloadEntries('[1,2]')).toEqual([{ key: '', label: '内容', value: '1、2' }])
  })

  it('formats coordinates and links a valid WGS-84 fix to the map (longitude first)', () => {
    expect(formatCoord(34.7466, 113.6253)).toBe('34.746600, 113.625300')
    expect(formatCoord('34.7466000', '113.6253')).toBe('34.746600, 113.625300')
    expect(formatCoord(null, 113.6)).toBe('')
    const link = mapLink(34.7466, 113.6253, '周师傅 签到位置')!
    const url = new URL(link)
    expect(url.origin + url.pathname).toBe('https://uri.amap.com/marker')
    expect(url.searchParams.get('position')).toBe('113.6253,34.7466')
    expect(url.searchParams.get('coordinate')).toBe('wgs84')
    expect(url.searchParams.get('name')).toBe('周师傅 签到位置')
    expect(mapLink(null, 113)).toBeNull()
    expect(mapLink(95, 113)).toBeNull()
    expect(mapLink(34, 'abc')).toBeNull()
  })

  it('turns a day range into from (inclusive) and the midnight after the last day, across months and years', () => {
    expect(dayRange(['2026-11-01', '2026-11-22'])).toEqual({ from: '2026-11-01T00:00:00', to: '2026-11-23T00:00:00' })
    expect(dayRange(['2026-12-31', '2026-12-31'])).toEqual({ from: '2026-12-31T00:00:00', to: '2027-01-01T00:00:00' })
    expect(dayRange(['2028-02-28', '2028-02-28']).to).toBe('2028-02-29T00:00:00')
    expect(dayRange(['2026-11-22', '2026-11-01'])).toEqual({ from: '2026-11-01T00:00:00', to: '2026-11-23T00:00:00' })
    expect(dayRange(null)).toEqual({ from: null, to: null })
  })
})
