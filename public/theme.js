// Before the first paint: the stored theme and text size on <html>, so a night-theme reader
// is never flashed with a light page while the app itself still loads. The build puts it
// into every page, allowed by its hash in the CSP (xtask post-build), so the first paint
// waits for no other file. Anything unexpected in storage leaves the defaults: the app
// reports unreadable data itself once it starts.
(function () {
  try {
    var stored = JSON.parse(localStorage.getItem("lan.settings") || "null");
    var data = stored && stored.data;
    if (!data) return;
    var root = document.documentElement;
    if (["auto", "light", "dark"].indexOf(data.theme) >= 0) root.setAttribute("data-theme", data.theme);
    if (["standard", "large", "largest"].indexOf(data.text_size) >= 0) root.setAttribute("data-text-size", data.text_size);
  } catch (e) {
    // Blocked or unreadable storage: the defaults stand.
  }
})();
// Installing (issue 27). Chromium offers its install prompt once, early, maybe before the
// app's code has arrived: it is kept here for the moment the app offers it (after a
// finished check), instead of the browser's own banner on the first screen.
addEventListener("beforeinstallprompt", function (event) {
  event.preventDefault();
  window.lanInstallPrompt = event;
});
addEventListener("appinstalled", function () {
  window.lanInstallPrompt = null;
});
