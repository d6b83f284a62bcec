// briefgen: accessibility fixes to Material for MkDocs' markup.
// The search overlay is a dialog without a name; screen readers announce it as "Search".
document.querySelectorAll('.md-search[role="dialog"]').forEach(function (el) {
  if (!el.hasAttribute("aria-label")) el.setAttribute("aria-label", "Search");
});
