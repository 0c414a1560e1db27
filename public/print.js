// The report's print button, for pages served without hydration (no inline handlers under the CSP).
document.addEventListener("click", (event) => {
  const target = event.target instanceof Element ? event.target.closest("[data-print]") : null;
  if (target) window.print();
});
