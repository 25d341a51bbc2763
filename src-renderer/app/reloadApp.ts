/** Starts the console afresh on the same view (the view is in the URL hash). */
export function reloadApp() {
  location.reload();
}
