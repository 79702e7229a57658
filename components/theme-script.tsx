/**
 * Runs before the first paint: applies the reader's theme choice (`theme` in localStorage:
 * `light`, `dark`, or absent for the system's), so a dark-mode reader never sees a white flash;
 * records the choice on `<html data-theme-choice>` so the theme button shows it from the start;
 * follows the system live while the choice is `system`; and marks that JavaScript is available
 * (`html.js`). ThemeToggle changes the choice.
 */
const script = `(function(){var r=document.documentElement;r.classList.add('js');var s=null;try{s=localStorage.getItem('theme')}catch(e){}r.dataset.themeChoice=s==='light'||s==='dark'?s:'system';var m=window.matchMedia('(prefers-color-scheme: dark)');var a=function(){var c=r.dataset.themeChoice;var d=c==='dark'||(c==='system'&&m.matches);if(d!==r.classList.contains('dark')){r.classList.toggle('dark',d);window.dispatchEvent(new CustomEvent('themechange',{detail:{dark:d}}))}};a();m.addEventListener('change',a);window.__applyTheme=a})()`

export function ThemeScript() {
  return <script dangerouslySetInnerHTML={{ __html: script }} />
}
