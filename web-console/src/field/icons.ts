/** Stroke icons (24×24, currentColor) of the field app, as SVG inner markup for components/Icon.vue. */
const circle = (cx: number, cy: number, r: number) => `<circle cx="${cx}" cy="${cy}" r="${r}"/>`
const path = (...d: string[]) => d.map((x) => `<path d="${x}"/>`).join('')

export const icons: Record<string, string> = {
  tasks: path('M8 6h13M8 12h13M8 18h13M3 6h.01M3 12h.01M3 18h.01'),
  approve: path('M9 11l3 3L22 4', 'M21 12v7a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2h11'),
  user: path('M20 21v-2a4 4 0 0 0-4-4H8a4 4 0 0 0-4 4v2') + circle(12, 7, 4),
  pin: path('M21 10c0 7-9 13-9 13s-9-6-9-13a9 9 0 0 1 18 0z') + circle(12, 10, 3),
  camera: path('M23 19a2 2 0 0 1-2 2H3a2 2 0 0 1-2-2V8a2 2 0 0 1 2-2h4l2-3h6l2 3h4a2 2 0 0 1 2 2z') + circle(12, 13, 4),
  video: path('M23 7l-7 5 7 5V7z', 'M3 5h11a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H3a2 2 0 0 1-2-2V7a2 2 0 0 1 2-2z'),
  temp: path('M14 14.76V3.5a2.5 2.5 0 0 0-5 0v11.26a4.5 4.5 0 1 0 5 0z'),
  mic: path('M12 1a3 3 0 0 0-3 3v8a3 3 0 0 0 6 0V4a3 3 0 0 0-3-3z', 'M19 10v2a7 7 0 0 1-14 0v-2', 'M12 19v4M8 23h8'),
  edit: path('M12 20h9', 'M16.5 3.5a2.12 2.12 0 0 1 3 3L7 19l-4 1 1-4L16.5 3.5z'),
  sign: path('M3 17c3-4 5-9 7-9s-1 9 2 9 3-5 5-5 2 3 4 3', 'M3 21h18'),
  pause: circle(12, 12, 10) + path('M10 15V9M14 15V9'),
  clock: circle(12, 12, 10) + path('M12 6v6l4 2'),
  cancel: circle(12, 12, 10) + path('M15 9l-6 6M9 9l6 6'),
  navigate: path('M3 11l19-9-9 19-2-8-8-2z'),
  phone: path('M22 16.9v3a2 2 0 0 1-2.2 2 19.8 19.8 0 0 1-8.6-3.1 19.5 19.5 0 0 1-6-6A19.8 19.8 0 0 1 2.1 4.2 2 2 0 0 1 4.1 2h3a2 2 0 0 1 2 1.7c.1 1 .4 1.9.7 2.8a2 2 0 0 1-.5 2.1L8.1 9.9a16 16 0 0 0 6 6l1.3-1.3a2 2 0 0 1 2.1-.4c.9.3 1.8.6 2.8.7a2 2 0 0 1 1.7 2z'),
}
