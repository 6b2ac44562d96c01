/** Device identity of this browser install and small platform helpers (geolocation, ids). */

/** RFC 4122 v4; crypto.randomUUID exists only in secure contexts, getRandomValues everywhere */
export function uuid(): string {
  const c = globalThis.crypto
  if (c && typeof c.randomUUID === 'function') return c.randomUUID()
  const b = new Uint8Array(16)
  if (c && typeof c.getRandomValues === 'function') c.getRandomValues(b)
  else for (let i = 0; i < 16; i++) b[i] = Math.floor(Math.random() * 256)
  b[6] = (b[6] & 0x0f) | 0x40
  b[8] = (b[8] & 0x3f) | 0x80
  const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('')
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`
}

/** "华为 Android 14 · Chrome" style name from the user agent, for the lead who approves a re-binding */
export function deviceNameFrom(ua: string): string {
  let os = '未知系统'
  const android = /Android\s([\d.]+)/.exec(ua)
  const ios = /(iPhone|iPad).*?OS\s([\d_]+)/.exec(ua)
  if (android) {
    const model = /Android[^;)]*;\s*([^;)]+?)\s*(?:Build|\))/.exec(ua)
    os = `Android ${android[1]}${model && !/^(wv|K|Linux)$/.test(model[1]) ? ' ' + model[1] : ''}`
  } else if (ios) os = `${ios[1]} iOS ${ios[2].replace(/_/g, '.')}`
  else if (/Windows/.test(ua)) os = 'Windows'
  else if (/Mac OS X/.test(ua)) os = 'macOS'
  else if (/Linux/.test(ua)) os = 'Linux'
  let browser = '浏览器'
  if (/MicroMessenger/.test(ua)) browser = '微信'
  else if (/EdgA?\//.test(ua)) browser = 'Edge'
  else if (/(Chrome|CriOS)\//.test(ua)) browser = 'Chrome'
  else if (/(Firefox|FxiOS)\//.test(ua)) browser = 'Firefox'
  else if (/Safari\//.test(ua)) browser = 'Safari'
  return `${os} · ${browser}`.slice(0, 64)
}

export interface Position {
  lat: number
  lng: number
  accuracy: number | null
}

/** the browser's position; rejects with a Chinese message the worker can act on (and retry) */
export function locate(timeoutMs = 15_000): Promise<Position> {
  return new Promise((resolve, reject) => {
    const geo = typeof navigator !== 'undefined' ? navigator.geolocation : undefined
    if (!geo) {
      reject(new Error('此浏览器不支持定位，无法签到'))
      return
    }
    geo.getCurrentPosition(
      (p) => resolve({ lat: p.coords.latitude, lng: p.coords.longitude, accuracy: p.coords.accuracy ?? null }),
      (e) => {
        if (e.code === 1) reject(new Error('没有定位权限：请在浏览器设置中允许本应用使用位置信息后重试'))
        else if (e.code === 3) reject(new Error('定位超时：请到开阔处或打开 GPS 后重试'))
        else reject(new Error('暂时无法获取位置，请稍后重试'))
      },
      { enableHighAccuracy: true, timeout: timeoutMs, maximumAge: 30_000 },
    )
  })
}
