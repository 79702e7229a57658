/**
 * Runs before the first paint: applies the stored or system theme, so a dark-mode reader
 * never sees a white flash, and marks that JavaScript is available (`html.js`).
 */
const script = `(function(){var r=document.documentElement;r.classList.add('js');try{var s=localStorage.getItem('theme');var d=s==='dark'||(s!=='light'&&window.matchMedia('(prefers-color-scheme: dark)').matches);r.classList.toggle('dark',d)}catch(e){}})()`

export function ThemeScript() {
  return <script dangerouslySetInnerHTML={{ __html: script }} />
}
