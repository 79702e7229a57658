import type { ReactNode } from 'react'
import { MenuIcon } from './icons'
import { MenuToggle } from './menu-toggle'

interface CoursePageFrameProps {
  /** The course menu: on a phone behind the 课程目录 button, on a laptop a column on the left. */
  sidebar: ReactNode
  /** 本页内容, shown as a column on the right on wide screens. */
  toc: ReactNode
  /** The page's main column. */
  children: ReactNode
  /** Client leaves and data that belong to the page but draw nothing in the columns. */
  after?: ReactNode
}

/** The frame every page inside a course shares: course menu, main column, on-this-page column. */
export function CoursePageFrame({ sidebar, toc, children, after }: CoursePageFrameProps) {
  return (
    <div className="mx-auto flex max-w-[90rem] gap-8 px-4 sm:px-6 lg:gap-10">
      <div className="mobile-bar no-print lg:hidden">
        <MenuToggle controls="course-menu">
          <MenuIcon width={18} height={18} />
          课程目录
        </MenuToggle>
      </div>
      <aside id="course-menu" className="course-menu no-print" aria-label="课程导航">
        {sidebar}
      </aside>

      <main id="main" className="min-w-0 flex-1 py-8 lg:py-10">
        {children}
      </main>

      <aside className="toc-column no-print hidden xl:block" aria-label="本页导航">
        <div className="sticky top-[calc(var(--header-height)+2rem)] max-h-[calc(100vh-var(--header-height)-4rem)] overflow-y-auto">
          {toc}
        </div>
      </aside>
      {after}
    </div>
  )
}
