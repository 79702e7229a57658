interface SiteFooterProps {
  siteTitle: string
}

export function SiteFooter({ siteTitle }: SiteFooterProps) {
  return (
    <footer
      className="no-print mt-16 border-t border-[var(--border)] py-8 text-center text-sm text-[var(--muted-fg)]"
      data-pagefind-ignore="all"
    >
      <p>{siteTitle} · 讲义以 MDX 写成，构建为可离线托管的静态页面。</p>
    </footer>
  )
}
