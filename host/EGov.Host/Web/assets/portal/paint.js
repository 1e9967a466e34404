// The benchmark reads this mark: the moment the procedure list or "my dossiers" is on screen, once per page load.
let marked = false;

export function markFirstUsefulPaint() {
  if (marked) return;
  marked = true;
  // After the browser has laid the list out, not merely after it was put in the DOM.
  requestAnimationFrame(() => performance.mark("egov:first-useful-paint"));
}
