'use client'

import { useEffect } from 'react'

/**
 * Paper is white: while the page is printed the dark theme steps aside, so every colour is
 * the light theme's (text, code, callouts), then comes back. Print is seen both by the print
 * events and by the print media query, which is also how print preview and PDF export apply it.
 */
export function PrintTheme() {
  useEffect(() => {
    const root = document.documentElement
    const print = window.matchMedia('print')
    let wasDark = false
    const before = () => {
      if (!root.classList.contains('dark')) return
      wasDark = true
      root.classList.remove('dark')
    }
    const after = () => {
      if (wasDark) root.classList.add('dark')
      wasDark = false
    }
    const change = () => (print.matches ? before() : after())
    window.addEventListener('beforeprint', before)
    window.addEventListener('afterprint', after)
    print.addEventListener('change', change)
    return () => {
      window.removeEventListener('beforeprint', before)
      window.removeEventListener('afterprint', after)
      print.removeEventListener('change', change)
    }
  }, [])
  return null
}
