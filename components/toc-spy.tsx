'use client'

import { useEffect } from 'react'

/**
 * Marks the table-of-contents links of the section being read (`aria-current="location"`),
 * in every TOC on the page. The section in view is the last heading above a line a little
 * below the header. The small-screen contents, which stays on screen, closes when one of its
 * links is followed, so it does not cover the section it led to. Rendered once per lecture page.
 */
export function TocSpy() {
  useEffect(() => {
    const mobile = document.querySelector<HTMLDetailsElement>('details.mobile-toc')
    const close = (event: MouseEvent) => {
      if ((event.target as Element).closest('a[href^="#"]')) mobile!.open = false
    }
    mobile?.addEventListener('click', close)
    return () => mobile?.removeEventListener('click', close)
  }, [])

  useEffect(() => {
    const links = [...document.querySelectorAll<HTMLAnchorElement>('[data-toc-link]')]
    const targets = links
      .map((link) => ({ link, target: document.getElementById(link.dataset.tocLink ?? '') }))
      .filter(
        (entry): entry is { link: HTMLAnchorElement; target: HTMLElement } => entry.target !== null,
      )
    if (targets.length === 0) return
    // The TOC lists sections before exercises; scanning needs document order.
    targets.sort((a, b) =>
      a.target.compareDocumentPosition(b.target) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1,
    )

    let frame = 0
    const update = () => {
      frame = 0
      const line = 120
      let active = targets[0]!
      for (const entry of targets) {
        if (entry.target.getBoundingClientRect().top <= line) active = entry
        else break
      }
      for (const link of links) {
        if (link.dataset.tocLink === active.target.id) link.setAttribute('aria-current', 'location')
        else link.removeAttribute('aria-current')
      }
    }
    const schedule = () => {
      if (!frame) frame = requestAnimationFrame(update)
    }
    update()
    window.addEventListener('scroll', schedule, { passive: true })
    window.addEventListener('resize', schedule)
    return () => {
      window.removeEventListener('scroll', schedule)
      window.removeEventListener('resize', schedule)
      if (frame) cancelAnimationFrame(frame)
    }
  }, [])
  return null
}
