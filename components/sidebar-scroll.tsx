'use client'

import { useEffect } from 'react'

/**
 * Scrolls the course menu (not the page) so the current lecture is in view: on load, and each
 * time the phone menu opens (a hidden menu cannot scroll). Late lectures of a long course sit
 * far below the menu's first screen otherwise.
 */
export function SidebarScroll({ menuId }: { menuId: string }) {
  useEffect(() => {
    const menu = document.getElementById(menuId)
    if (!menu) return
    const reveal = () => {
      const current = menu.querySelector<HTMLElement>('[aria-current="page"]')
      if (!current || menu.clientHeight === 0) return
      const box = menu.getBoundingClientRect()
      const link = current.getBoundingClientRect()
      if (link.top >= box.top && link.bottom <= box.bottom) return
      menu.scrollTop += link.top - box.top - (menu.clientHeight - link.height) / 2
    }
    reveal()
    const observer = new MutationObserver(reveal)
    observer.observe(menu, { attributes: true, attributeFilter: ['data-open'] })
    return () => observer.disconnect()
  }, [menuId])
  return null
}
